/** What every chart is framed with: a heading, a one-sentence summary and a table of the same numbers. */
import { t } from '../../core/l10n';
import { h } from '../dom';

/** A legend: each item's swatch is a series' (series.ts) or named by its classes in figures.css. */
export function legend(items: { label: string; swatch: string | HTMLElement }[]): HTMLElement {
  const swatch = (s: string | HTMLElement) => (typeof s === 'string' ? h('span', { class: s, 'aria-hidden': 'true' }) : s);
  return h('ul', { class: 'legend' }, ...items.map((item) => h('li', {}, swatch(item.swatch), item.label)));
}

export function table(caption: string, headers: string[], rows: (string | number)[][]): HTMLTableElement {
  return h(
    'table',
    {},
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, ...headers.map((header) => h('th', { scope: 'col' }, header)))),
    h('tbody', {}, ...rows.map((row) => h('tr', {}, ...row.map((cell, i) => (i === 0 ? h('th', { scope: 'row' }, String(cell)) : h('td', {}, String(cell))))))),
  );
}

/** The sidebar's charts sit under its "Progress" heading, a level below the Progress tab's. */
let headingTag: 'h2' | 'h3' = 'h2';
export function useHeadingLevel(tag: 'h2' | 'h3'): void {
  headingTag = tag;
}

/** Tables the user opened stay open when a new snapshot redraws the charts. */
const openTables = new Set<string>();

export interface Figure {
  key: string;
  title: string;
  summary: string;
  /** The chart, or nothing when there is no data for it yet (the summary then says so). */
  chart?: HTMLElement | undefined;
  legend?: HTMLElement | undefined;
  table?: HTMLTableElement | undefined;
}

export function figure(f: Figure): HTMLElement {
  const headingId = `${f.key}-heading`;
  const summaryId = `${f.key}-summary`;
  let details: HTMLDetailsElement | null = null;
  if (f.table) {
    details = h('details', { class: 'chart-table', open: openTables.has(f.key) }, h('summary', {}, t('Show as a table')), f.table);
    const toggle = details;
    toggle.addEventListener('toggle', () => (toggle.open ? openTables.add(f.key) : openTables.delete(f.key)));
  }
  return h(
    'section',
    { class: 'chart', id: f.key, 'aria-labelledby': headingId, 'aria-describedby': summaryId },
    h(headingTag, { id: headingId }, f.title),
    h('p', { class: 'chart-summary', id: summaryId }, f.summary),
    f.legend,
    f.chart,
    details,
  );
}
