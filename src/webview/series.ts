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

/** The swatch classes for a series in a legend; each page's stylesheet paints `.swatch-<name>`. */
export function swatchClass(index: number): string {
  return `swatch swatch-${nameOf(index)}`;
}
