/**
 * The snapshots computed record by record from the whole history: slow, plainly correct, and the
 * reference the aggregate-based builders the product runs must equal (test/unit/aggregates.test.ts).
 */
import { calibration, progressData, progressDomains } from './figures';
import { domainLabel as name, latestCue, latestDomain } from '../../src/core/records/journal';
import { encouragementFromRecordWithCredit, lastTweak, levelScores, tweakStillOpen, tweaksThatWork } from '../../src/core/coach';
import { activeSession } from '../../src/core/practices/session';
import type { Journal, WorkspaceDefaults } from '../../src/core/records/schema';
import type { Suggestion } from '../../src/core/practices/suggestions';
import { assembleSnapshot, quarterWeeksFrom } from '../../src/host/dashboard/snapshot';
import { quarterStart, weekStart } from '../../src/core/time';
import { assembleProgress, figuresOf, SIDEBAR_RANGE } from '../../src/host/progress/progressSnapshot';
import type { ProgressChoice } from '../../src/host/progress/progressSnapshot';
import type { Settings } from '../../src/host/platform/settings';
import type { Figures, ProgressSnapshot } from '../../src/shared/progressProtocol';
import type { Snapshot } from '../../src/shared/protocol';

/** The Progress tab's snapshot, record by record. */
export function buildProgressSnapshotFromHistory(journal: Journal, now: number, choice: ProgressChoice): ProgressSnapshot {
  return assembleProgress(journal, now, choice, progressDomains(journal), (query) => progressData(journal, now, query));
}

function figuresFromHistory(journal: Journal, now: number): Figures {
  return figuresOf(buildProgressSnapshotFromHistory(journal, now, { range: SIDEBAR_RANGE, hidden: new Set() }));
}

/** The full-history snapshot, computed record by record: the reference the aggregate-based one must equal. */
export function buildSnapshotFromHistory(
  journal: Journal,
  now: number,
  settings: Settings,
  defaults: WorkspaceDefaults,
  suggestions: readonly Suggestion[] = [],
  /** VS Code's display language, for the dates inside sentences (the tweak's day). */
  language = 'en',
): Snapshot {
  const focusDomainId = activeSession(journal)?.domainId ?? defaults.lastDomainId;
  return assembleSnapshot(journal, now, settings, defaults, suggestions, language, {
    fromRecord: focusDomainId ? encouragementFromRecordWithCredit(journal, focusDomainId, name(journal, focusDomainId), settings.confidenceThreshold) : undefined,
    latestDomainId: latestDomain(journal),
    lastCueId: (domainId) => latestCue(journal, domainId),
    lastTweak: (domainId) => lastTweak(journal, domainId),
    openTweak: (domainId) => tweakStillOpen(journal, domainId),
    levels: levelScores(journal),
    works: tweaksThatWork(journal),
    calibration: calibration(journal),
    figures: figuresFromHistory(journal, now),
    lastQuarterLogged: () => journal.sessions.some((s) => weekStart(s.startedAt) >= quarterWeeksFrom(now) && weekStart(s.startedAt) < weekStart(quarterStart(now))),
  });
}
