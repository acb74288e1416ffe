import { h } from '../dom';

/**
 * The theme colours that tell one domain from another in every chart, sidebar and Progress tab alike.
 * Not charts.orange: VS Code derives it from the minimap's find highlight, a translucent colour that
 * is too faint to read as a line or a bar in the light and dark themes. charts.foreground, last, is the
 * text colour, so a sixth domain still gets a colour of its own that every theme keeps readable.
 */
export const SERIES = ['blue', 'green', 'purple', 'red', 'yellow', 'foreground'] as const;

const nameOf = (index: number) => SERIES[index % SERIES.length] ?? 'blue';

/** The CSS colour of a series, for SVG fills and strokes. */
export function seriesColour(index: number): string {
  return `var(--vscode-charts-${nameOf(index)})`;
}

/**
 * A legend's square in a series' colour. Painted through the CSSOM (the pages' CSP refuses style
 * attributes, not this), so the colour list above is the only place that names them.
 */
export function seriesSwatch(index: number): HTMLSpanElement {
  const swatch = h('span', { class: 'swatch', 'aria-hidden': 'true' });
  swatch.style.background = seriesColour(index);
  return swatch;
}
