/**
 * Observable Plot draws the axes, scales and time ticks; this turns its SVG into a chart that fits
 * the webview: allowed by the page's CSP, in the display language, and readable by keyboard and
 * screen reader, with the value of a mark shown on hover and on focus alike.
 */
import { plot } from '@observablehq/plot';
import type { PlotOptions } from '@observablehq/plot';
import { h } from '../dom';
import { revealBidi } from '../../core/text';

/** The class Plot's SVG gets; progress.css styles it. */
const PLOT_CLASS = 'sw-plot';
/** Give a mark this `className`, and an `ariaLabel` channel: each of its elements becomes a keyboard stop showing that label. */
export const VALUE_MARKS = 'sw-values';

export interface ChartOptions {
  /** Names the chart, so focus can return to the same mark when a new snapshot redraws it. */
  key: string;
  /** What the chart shows, for the accessibility tree. */
  label: string;
  /** How many marks a key moves focus by, beside the arrows' one (the calendar: a week sideways). */
  steps?: Readonly<Record<string, number>>;
}

const STEPS: Readonly<Record<string, number>> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

export function plotChart(options: PlotOptions, o: ChartOptions): HTMLElement {
  // Without a figure (no title, caption or legend from Plot: the page has its own), Plot returns the SVG.
  const svg = plot({ ...options, className: PLOT_CLASS, figure: false }) as SVGSVGElement;
  // Plot puts a <style> element into its SVG (block display, max-width 100%, no wrapping in text).
  // The page's CSP allows styles only from the extension's files, so that element would be refused
  // (and reported as a violation) once attached: it is removed here, before the SVG is attached, and
  // progress.css carries the same rules. Plot's other styling is presentation attributes and CSSOM
  // properties (element.style.x = …), which a CSP does not govern, unlike a style attribute in markup.
  // This keeps style-src without 'unsafe-inline' and without a nonce that script could reuse.
  for (const style of svg.querySelectorAll('style')) style.remove();

  const marks = [...svg.querySelectorAll<SVGElement>(`.${VALUE_MARKS} [aria-label]`)];
  // Plot names its parts in English ("x-axis tick"). The chart's own words are its heading, its axis
  // labels and the marks' labels, so the rest is left out of the accessibility tree.
  for (const g of svg.querySelectorAll('g[aria-label]')) if (!marks.includes(g as SVGElement)) g.removeAttribute('aria-label');
  for (const g of svg.querySelectorAll(':scope > g')) if (!g.classList.contains(VALUE_MARKS)) g.setAttribute('aria-hidden', 'true');
  svg.setAttribute('role', 'group');
  svg.setAttribute('aria-label', o.label);
  marks.forEach((mark, index) => {
    mark.setAttribute('role', 'img');
    mark.classList.add('sw-mark');
    mark.dataset['index'] = String(index);
    mark.tabIndex = index === 0 ? 0 : -1;
  });

  const tip = h('div', { class: 'plot-tip', 'aria-hidden': 'true', hidden: true });
  const frame = h('div', { class: 'plot-frame', 'data-chart': o.key }, svg, tip);
  let shown: SVGElement | undefined;

  const show = (mark: SVGElement) => {
    shown?.classList.remove('active');
    shown = mark;
    mark.classList.add('active');
    tip.textContent = revealBidi(mark.getAttribute('aria-label') ?? '');
    tip.hidden = false;
    const area = frame.getBoundingClientRect();
    const box = mark.getBoundingClientRect();
    const half = tip.offsetWidth / 2;
    // Kept inside the visible part of the frame, which scrolls sideways when the tab is narrow.
    const centre = Math.min(Math.max(box.left + box.width / 2 - area.left, half), Math.max(half, frame.clientWidth - half)) + frame.scrollLeft;
    // Above the mark, or under it where the frame has no room above (a rating of 100, the calendar's
    // first row): the frame clips what sticks out of it.
    const below = box.top - area.top < tip.offsetHeight + 8;
    tip.classList.toggle('below', below);
    // Through the CSSOM, which the CSP allows (see above).
    tip.style.left = `${centre}px`;
    tip.style.top = `${(below ? box.bottom : box.top) - area.top}px`;
  };
  const hide = () => {
    shown?.classList.remove('active');
    shown = undefined;
    tip.hidden = true;
  };
  const markOf = (target: EventTarget | null) => (target instanceof SVGElement ? target.closest<SVGElement>('.sw-mark') : null);

  // Listeners on the frame, not the SVG: Chromium makes an SVG element with focus listeners a
  // keyboard stop of its own, which would put a stop before the marks.
  frame.addEventListener('pointerover', (e) => {
    const mark = markOf(e.target);
    if (mark) show(mark);
  });
  frame.addEventListener('pointerleave', () => {
    if (!frame.contains(document.activeElement)) hide();
  });
  frame.addEventListener('focusin', (e) => {
    const mark = markOf(e.target);
    if (mark) show(mark);
  });
  frame.addEventListener('focusout', hide);
  frame.addEventListener('keydown', (e) => {
    const mark = markOf(e.target);
    if (!mark) return;
    if (e.key === 'Escape') return hide();
    const current = marks.indexOf(mark);
    const next = e.key === 'Home' ? 0 : e.key === 'End' ? marks.length - 1 : current + (o.steps?.[e.key] ?? STEPS[e.key] ?? 0);
    if (next === current || next < 0 || next >= marks.length) return;
    e.preventDefault();
    focusMark(marks, next);
  });
  return frame;
}

/** Roving tabindex: one keyboard stop per chart, on the mark last visited. */
function focusMark(marks: readonly SVGElement[], index: number): void {
  for (const mark of marks) mark.tabIndex = -1;
  const mark = marks[index];
  if (!mark) return;
  mark.tabIndex = 0;
  mark.focus();
}

/** Which chart and mark have focus, so a redraw can give it back. */
export function focusedMark(): { key: string; index: number } | undefined {
  const active = document.activeElement;
  if (!(active instanceof SVGElement) || !active.classList.contains('sw-mark')) return undefined;
  const key = active.closest<HTMLElement>('.plot-frame')?.dataset['chart'];
  return key ? { key, index: Number(active.dataset['index']) } : undefined;
}

export function restoreFocus(root: ParentNode, focused: { key: string; index: number } | undefined): void {
  if (!focused) return;
  const frame = [...root.querySelectorAll<HTMLElement>('.plot-frame')].find((f) => f.dataset['chart'] === focused.key);
  const marks = frame ? [...frame.querySelectorAll<SVGElement>('.sw-mark')] : [];
  if (marks.length > 0) focusMark(marks, Math.min(focused.index, marks.length - 1));
}
