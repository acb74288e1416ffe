import { progressData, progressDomains } from '../../core/progress';
import type { ProgressRange } from '../../core/progress';
import { domainLabel as name } from '../../core/journal';
import type { Journal } from '../../core/schema';
import type { ProgressSnapshot } from '../../shared/progressProtocol';

/** What the user chose in the tab; it lives in the host, so the tab shows it again after being hidden. */
export interface ProgressChoice {
  range: ProgressRange;
  /** Domains the user unticked; a domain created later is shown. */
  hidden: ReadonlySet<string>;
}

/** The whole Progress tab state, sent in full on every change (no deltas to get out of step). */
export function buildProgressSnapshot(journal: Journal, now: number, choice: ProgressChoice): ProgressSnapshot {
  const domains = progressDomains(journal).map((d) => ({ ...d, shown: !choice.hidden.has(d.id) }));
  const shownIds = domains.filter((d) => d.shown).map((d) => d.id);
  const data = progressData(journal, now, { range: choice.range, ...(choice.hidden.size > 0 ? { domainIds: shownIds } : {}) });
  return {
    now,
    range: choice.range,
    from: data.from,
    domains,
    belief: data.belief.map((b) => ({ ...b, domainName: name(journal, b.domainId) })),
    calendar: { from: data.calendarFrom, days: data.calendar },
    ownCauses: data.ownCauses,
    calibration: data.calibration,
    brier: data.brier.map((b) => ({ ...b, domainName: name(journal, b.domainId) })),
    focus: data.focus,
    summary: data.summary.map((row) => ({ ...row, domainName: name(journal, row.domainId) })),
  };
}
