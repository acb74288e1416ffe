import { duePrompts } from '../../core/coach/due';
import { calibrationFeedback } from '../../core/figures/calibration';
import { evidenceFor, winsSince } from '../../core/practices/evidence';
import { aggregateOf } from '../../core/figures/aggregates';
import { calibrationOf, lastTweakOf, latestCueOf, latestDomainOf, levelScoresOf, recordFacts, tweakStillOpenOf, weeksFrom, worksOf } from '../../core/figures/aggregateQueries';
import type { HistoryView } from '../../core/figures/aggregates';
import { dipNote } from '../../core/figures/insights';
import { activeDomains, cuesByUse, domainLabel as name, startDomain } from '../../core/records/journal';
import { encouragementFromCredit, modelForDoubt, modelSentence, recurringSlipCues, slipPatternSentence, tweakSentence } from '../../core/coach';
import type { LevelScore, Tweak, WorkingTweak } from '../../core/coach';
import { shrinkThreshold, startPractice } from '../../core/practices/start';
import type { Journal, Session, Subgoal, Win, WorkspaceDefaults } from '../../core/records/schema';
import { activeSession, elapsedMs, isPaused, liveSubgoals } from '../../core/practices/session';
import { addDays, dayStart, quarterStart, weekStart } from '../../core/time';
import { recentSince } from '../storage/views';
import type { SessionView, Snapshot, SubgoalView, WinView } from '../../shared/protocol';
import { without } from '../../core/practices/answered';
import type { Figures } from '../../shared/progressProtocol';
import type { CalibrationRow } from '../../core/figures/insights';
import { sidebarFigures } from '../progress/progressSnapshot';
import type { Suggestion } from '../../core/practices/suggestions';
import type { Settings } from '../platform/settings';

function sessionView(journal: Journal, s: Session, now: number, language: string, last: Tweak | undefined, open: Tweak | undefined): SessionView {
  const tweak = last && tweakSentence(last, now, language);
  const cueId = s.cueIds[s.cueIds.length - 1];
  const cue = journal.cues.find((c) => c.id === cueId)?.instruction;
  return {
    id: s.id,
    domainName: name(journal, s.domainId),
    startedAt: s.startedAt,
    elapsedMs: elapsedMs(s, now),
    ...(s.plannedMinutes !== undefined ? { plannedMinutes: s.plannedMinutes } : {}),
    paused: isPaused(s),
    subgoals: liveSubgoals(s).map(subgoalView),
    wins: s.wins.map(winView),
    ...(cue ? { cue } : {}),
    ...(tweak ? { tweak } : {}),
    ...(open ? { openTweak: open.tweak } : {}),
    reframes: s.reframes.map((r) => ({ signal: r.signal, reframe: r.reframe })),
  };
}

/** The one mapping from a subgoal to what the views show. */
function subgoalView(g: Subgoal): SubgoalView {
  return { ...without(g, 'ed', 'createdAt', 'shrunkFromId', 'outcome', 'doneAt'), done: g.doneAt !== undefined };
}

/** The one mapping from a win to what the views show. */
function winView(w: Win): WinView {
  return { ...without(w, 'ed', 'source', 'subgoalId', 'by'), ...(w.by && w.by !== 'mine' ? { by: w.by } : {}) };
}

/** The whole dashboard state, sent in full on every change (no deltas to get out of step). */
export function buildSnapshot(
  journal: Journal,
  now: number,
  settings: Settings,
  defaults: WorkspaceDefaults,
  suggestions: readonly Suggestion[] = [],
  /** VS Code's display language, for the dates inside sentences (the tweak's day). */
  language = 'en',
): Snapshot {
  const totals = aggregateOf(journal, now);
  return buildSnapshotFromView({ totals, records: journal }, now, settings, defaults, suggestions, language);
}

/**
 * The same snapshot from aggregates and only the records it shows one by one (see
 * host/storage/views.ts for which months those are): the charts come from `view.totals`, the
 * running session, today's wins, the evidence bank and what is due from `view.records`.
 */
export function buildSnapshotFromView(
  view: HistoryView,
  now: number,
  settings: Settings,
  defaults: WorkspaceDefaults,
  suggestions: readonly Suggestion[] = [],
  /** VS Code's display language, for the dates inside sentences (the tweak's day). */
  language = 'en',
): Snapshot {
  const { totals, records: journal } = view;
  const focusDomainId = activeSession(journal)?.domainId ?? defaults.lastDomainId;
  return assembleSnapshot(journal, now, settings, defaults, suggestions, language, {
    fromRecord: focusDomainId ? encouragementFromCredit(recordFacts(totals, focusDomainId, settings.confidenceThreshold), name(journal, focusDomainId)) : undefined,
    latestDomainId: latestDomainOf(totals),
    lastCueId: (domainId) => latestCueOf(totals, domainId),
    lastTweak: (domainId) => lastTweakOf(totals, domainId),
    openTweak: (domainId) => tweakStillOpenOf(totals, domainId),
    levels: levelScoresOf(totals),
    works: worksOf(totals),
    calibration: calibrationOf(totals),
    figures: sidebarFigures(view, now),
    lastQuarterLogged: () => [...weeksFrom(totals, quarterWeeksFrom(now)).entries()].some(([week, c]) => week < weekStart(quarterStart(now)) && c.sessions > 0),
  });
}

/**
 * Monday 00:00 of the last quarter's first whole week: sessions started from then until the week this
 * quarter begins in are the last quarter's (the weeks a quarter shares with its neighbours left out).
 */
export function quarterWeeksFrom(now: number): number {
  return weekStart(addDays(quarterStart(now, -1), 6));
}

/** What the two ways of building a snapshot count differently: from aggregates, or record by record (the test's oracle). */
export interface SnapshotFacts {
  fromRecord: string | undefined;
  /** The domain of the latest session, and the cue a domain's latest session ended with, however long ago: what the start form offers. */
  latestDomainId: string | undefined;
  lastCueId: (domainId: string | undefined) => string | undefined;
  /** The latest slip review's tweak in a domain, however long ago, and the tweaks that helped. */
  lastTweak: (domainId: string) => Tweak | undefined;
  /** The tweak the next review in a domain asks about. */
  openTweak: (domainId: string) => Tweak | undefined;
  /** How often goals rated at each level were met: the shrink threshold and the ruler's notes. */
  levels: LevelScore[];
  works: WorkingTweak[];
  /** Every level's goals met, for the note when a level is consistently off. */
  calibration: CalibrationRow[];
  /** The charts' one model, as the Progress tab draws it (host/progress/progressSnapshot.ts). */
  figures: Figures;
  /** Sessions were started in the weeks of the last quarter (quarterWeeksFrom): a review of it has something to say. Asked only in a quarter's first session. */
  lastQuarterLogged: () => boolean;
}

/** The snapshot around its facts: everything else comes from the records it was handed. */
export function assembleSnapshot(
  journal: Journal,
  now: number,
  settings: Settings,
  defaults: WorkspaceDefaults,
  suggestions: readonly Suggestion[],
  language: string,
  facts: SnapshotFacts,
): Snapshot {
  const session = activeSession(journal);
  const focusDomainId = session?.domainId ?? defaults.lastDomainId;
  const todayWins = winsSince(journal, dayStart(now)).map((w) => ({ text: w.text, at: w.at, domainName: name(journal, w.domainId) }));
  const evidence = evidenceFor(journal, focusDomainId, EVIDENCE_WINS);
  // The records hold every rating (they are few) and the last four weeks of sessions: enough to know what is due.
  const due = duePrompts(journal, now, settings.reassessmentIntervalDays);
  const dip = withModel(journal, dipNote(journal, now), focusDomainId);
  const calibrationNote = calibrationFeedback(facts.calibration);
  // The start form offers what the palette's start does: the domain, and the cue its latest session ended with.
  const startWith = startDomain(journal, defaults.lastDomainId, facts.latestDomainId);
  const lastCueId = facts.lastCueId(startWith?.id);
  const { threshold, learned } = shrinkThreshold(settings, facts.levels);
  return {
    now,
    threshold,
    thresholdLearned: learned,
    rulerNotes: Array.from({ length: 11 }, (_, level) => startPractice.goals.confidence.note(facts.levels, level) ?? ''),
    defaultPlannedMinutes: defaults.plannedMinutes ?? settings.defaultPlannedMinutes,
    ...(startWith ? { lastDomainId: startWith.id } : {}),
    domains: activeDomains(journal).map((d) => ({ id: d.id, name: d.name })),
    cues: cuesByUse(journal).map((c) => ({ id: c.id, instruction: c.instruction })),
    ...(lastCueId !== undefined && journal.cues.some((c) => c.id === lastCueId) ? { lastCueId } : {}),
    ...(session ? { session: { ...sessionView(journal, session, now, language, facts.lastTweak(session.domainId), facts.openTweak(session.domainId)), ...(firstOfQuarter(journal, session, now) && facts.lastQuarterLogged() ? { quarterReview: true } : {}) } } : {}),
    suggestions: session ? suggestions.map((s) => ({ id: s.id, text: s.text, source: s.source })) : [],
    todayWins,
    evidence: {
      wins: evidence.wins.map(winView),
      works: facts.works.slice(0, 5).map((w) => w.tweak),
      patterns: recurringSlipCues(journal, now).map(slipPatternSentence),
      encouragements: evidence.encouragements.map((e) => ({ from: e.from, text: e.text })),
      ...(focusDomainId ? { domainName: name(journal, focusDomainId) } : {}),
      ...(facts.fromRecord ? { fromRecord: facts.fromRecord } : {}),
    },
    models: journal.models
      .filter((m) => !focusDomainId || !m.domainId || m.domainId === focusDomainId)
      .map((m) => ({ name: m.name, workflowNotes: m.workflowNotes, ...(m.domainId ? { domainName: name(journal, m.domainId) } : {}) })),
    due: { reflection: due.reflection, reassess: due.reassess.map((id) => name(journal, id)) },
    figures: facts.figures,
    notes: { ...(dip ? { dip } : {}), ...(calibrationNote ? { calibration: calibrationNote } : {}) },
  };
}

/**
 * The running session is the first started this quarter: the moment a review of the last one helps.
 * The records hold the last four weeks of sessions (recentSince); later in a quarter its first session is long over.
 */
function firstOfQuarter(journal: Journal, session: Session, now: number): boolean {
  const quarter = quarterStart(now);
  return session.startedAt >= quarter && quarter >= recentSince(now) && !journal.sessions.some((s) => s.id !== session.id && s.startedAt >= quarter);
}

/** The dip is a moment of doubt: someone like the user who got there by effort comes with it. */
function withModel(journal: Journal, dip: string | undefined, domainId: string | undefined): string | undefined {
  const model = dip && domainId !== undefined ? modelForDoubt(journal, domainId) : dip ? journal.models[journal.models.length - 1] : undefined;
  return dip && model ? `${dip} ${modelSentence(model)}` : dip;
}

/** How many of the latest wins the evidence bank shows. */
export const EVIDENCE_WINS = 10;
