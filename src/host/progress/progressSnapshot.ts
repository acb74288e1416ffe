import { progressDataFromView, progressDomainsFromView } from '../../core/figures/progress';
import type { ProgressData, ProgressQuery, ProgressRange } from '../../core/figures/progress';
import { domainLabel as name } from '../../core/records/journal';
import type { Journal } from '../../core/records/schema';
import { viewOf } from '../../core/figures/aggregates';
import type { HistoryView } from '../../core/figures/aggregates';
import type { Figures, ProgressSnapshot } from '../../shared/progressProtocol';

/** What the user chose in the tab; it lives in the host, so the tab shows it again after being hidden. */
export interface ProgressChoice {
  range: ProgressRange;
  /** Domains the user unticked; a domain created later is shown. */
  hidden: ReadonlySet<string>;
}

/** The whole Progress tab state, sent in full on every change (no deltas to get out of step). */
export function buildProgressSnapshot(journal: Journal, now: number, choice: ProgressChoice): ProgressSnapshot {
  return buildProgressSnapshotFromView(viewOf(journal, now), now, choice);
}

/** The same snapshot from aggregates and the live records (host/storage/views.ts), without the whole history. */
export function buildProgressSnapshotFromView(view: HistoryView, now: number, choice: ProgressChoice): ProgressSnapshot {
  return assembleProgress(view.records, now, choice, progressDomainsFromView(view), (query) => progressDataFromView(view, now, query));
}

/** The sidebar's figures: every domain's last three months, from the Progress tab's one model. */
export function sidebarFigures(view: HistoryView, now: number): Figures {
  // Without the table per domain, which only the tab shows: this runs on every sidebar snapshot.
  return figuresOf(assembleProgress(view.records, now, { range: SIDEBAR_RANGE, hidden: new Set() }, progressDomainsFromView(view), (query) => progressDataFromView(view, now, { ...query, summary: false })));
}

/** The figures of a Progress snapshot: all of it but the summary table, which only the tab shows. */
export function figuresOf(snapshot: ProgressSnapshot): Figures {
  const figures: Partial<ProgressSnapshot> = { ...snapshot };
  delete figures.summary;
  return figures as Figures;
}

/** What the sidebar's charts span: long enough to see a trend, short enough for its width. */
export const SIDEBAR_RANGE: ProgressRange = '3m';

/** The snapshot from its data, however that was computed (from aggregates here, record by record in the tests' oracle). */
export function assembleProgress(
  journal: Journal,
  now: number,
  choice: ProgressChoice,
  offered: { id: string; name: string }[],
  data: (query: ProgressQuery) => ProgressData,
): ProgressSnapshot {
  const domains = offered.map((d) => ({ ...d, shown: !choice.hidden.has(d.id) }));
  const shownIds = domains.filter((d) => d.shown).map((d) => d.id);
  const result = data({ range: choice.range, ...(choice.hidden.size > 0 ? { domainIds: shownIds } : {}) });
  return {
    now,
    range: choice.range,
    from: result.from,
    domains,
    belief: result.belief.map((b) => ({ ...b, domainName: name(journal, b.domainId) })),
    calendar: { from: result.calendarFrom, days: result.calendar },
    ownCauses: result.ownCauses,
    calibration: result.calibration,
    brier: result.brier.map((b) => ({ ...b, domainName: name(journal, b.domainId) })),
    focus: result.focus,
    summary: result.summary.map((row) => ({ ...row, domainName: name(journal, row.domainId) })),
  };
}
