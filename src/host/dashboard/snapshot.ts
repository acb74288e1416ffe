import { duePrompts } from '../../core/due';
import { brierByDomain, calibrationFeedback } from '../../core/calibration';
import { evidenceFor, winsSince } from '../../core/evidence';
import { aggregateOf, attributionMixOf, brierOf, calendarOf, calibrationOf, lastTweakOf, latestCueOf, latestDomainOf, levelScoresOf, recordFacts, tweakStillOpenOf, worksOf } from '../../core/aggregates';
import type { HistoryView } from '../../core/aggregates';
import { attributionMix, calibration, dipNote, efficacySeries, winsCalendar } from '../../core/insights';
import { progressDomains, progressDomainsFromView } from '../../core/progress';
import { activeDomains, cuesByUse, domainLabel as name, latestCue, latestDomain, startDomain } from '../../core/journal';
import { encouragementFromCredit, encouragementFromRecordWithCredit, modelForDoubt, modelSentence, lastTweak, levelScores, recurringSlipCues, slipPatternSentence, tweakSentence, tweakStillOpen, tweaksThatWork } from '../../core/coach';
import type { LevelScore, Tweak, WorkingTweak } from '../../core/coach';
import { shrinkThreshold, startPractice } from '../../core/practices/start';
import type { Journal, Session, WorkspaceDefaults } from '../../core/schema';
import { activeSession, elapsedMs, isPaused, liveSubgoals } from '../../core/session';
import { dayStart, monthStart } from '../../core/time';
import type { Charts, SessionView, Snapshot } from '../../shared/protocol';
import type { Suggestion } from '../../core/suggestions';
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
    subgoals: liveSubgoals(s).map((g) => ({ id: g.id, text: g.text, confidence: g.confidence, done: g.doneAt !== undefined })),
    wins: s.wins.map((w) => ({ id: w.id, text: w.text, at: w.at, ...(w.by && w.by !== 'mine' ? { by: w.by } : {}) })),
    ...(cue ? { cue } : {}),
    ...(tweak ? { tweak } : {}),
    ...(open ? { openTweak: open.tweak } : {}),
    reframes: s.reframes.map((r) => ({ signal: r.signal, reframe: r.reframe })),
  };
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
  return assemble(journal, now, settings, defaults, suggestions, language, {
    fromRecord: focusDomainId ? encouragementFromCredit(recordFacts(totals, focusDomainId, settings.confidenceThreshold), name(journal, focusDomainId)) : undefined,
    latestDomainId: latestDomainOf(totals),
    lastCueId: (domainId) => latestCueOf(totals, domainId),
    lastTweak: (domainId) => lastTweakOf(totals, domainId),
    openTweak: (domainId) => tweakStillOpenOf(totals, domainId),
    levels: levelScoresOf(totals),
    works: worksOf(totals),
    calibration: calibrationOf(totals),
    calendar: calendarOf(totals, now, 84).map((d) => ({ day: d.day, wins: d.wins })),
    attributionMix: attributionMixOf(totals, now),
    brier: brierOf(totals).map((b) => ({ domainName: name(journal, b.domainId), points: b.points })),
    domainOrder: progressDomainsFromView(view).map((d) => d.id),
  });
}

/** What the two ways of building a snapshot count differently: from aggregates, or record by record. */
interface Figures {
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
  calibration: Charts['calibration'];
  calendar: Charts['calendar'];
  attributionMix: Charts['attributionMix'];
  brier: Charts['brier'];
  /** The domains in the order the Progress tab lists and colours them, so a domain has one colour in both. */
  domainOrder: string[];
}

/** The snapshot around its figures: everything else comes from the records it was handed. */
function assemble(
  journal: Journal,
  now: number,
  settings: Settings,
  defaults: WorkspaceDefaults,
  suggestions: readonly Suggestion[],
  language: string,
  figures: Figures,
): Snapshot {
  const session = activeSession(journal);
  const focusDomainId = session?.domainId ?? defaults.lastDomainId;
  const todayWins = winsSince(journal, dayStart(now)).map((w) => ({ text: w.text, at: w.at, domainName: name(journal, w.domainId) }));
  const evidence = evidenceFor(journal, focusDomainId, EVIDENCE_WINS);
  // The records hold every rating (they are few) and the last four weeks of sessions: enough to know what is due.
  const due = duePrompts(journal, now, settings.reassessmentIntervalDays);
  const dip = withModel(journal, dipNote(journal, now), focusDomainId);
  const calibrationNote = calibrationFeedback(figures.calibration);
  // The start form offers what the palette's start does: the domain, and the cue its latest session ended with.
  const startWith = startDomain(journal, defaults.lastDomainId, figures.latestDomainId);
  const lastCueId = figures.lastCueId(startWith?.id);
  const { threshold, learned } = shrinkThreshold(settings, figures.levels);
  return {
    now,
    threshold,
    thresholdLearned: learned,
    rulerNotes: Array.from({ length: 11 }, (_, level) => startPractice.goals.confidence.note(figures.levels, level) ?? ''),
    defaultPlannedMinutes: defaults.plannedMinutes ?? settings.defaultPlannedMinutes,
    ...(startWith ? { lastDomainId: startWith.id } : {}),
    domains: activeDomains(journal).map((d) => ({ id: d.id, name: d.name })),
    cues: cuesByUse(journal).map((c) => ({ id: c.id, instruction: c.instruction })),
    ...(lastCueId !== undefined && journal.cues.some((c) => c.id === lastCueId) ? { lastCueId } : {}),
    ...(session ? { session: sessionView(journal, session, now, language, figures.lastTweak(session.domainId), figures.openTweak(session.domainId)) } : {}),
    suggestions: session ? suggestions.map((s) => ({ id: s.id, text: s.text, source: s.source })) : [],
    todayWins,
    evidence: {
      wins: evidence.wins.map((w) => ({ text: w.text, at: w.at, ...(w.by && w.by !== 'mine' ? { by: w.by } : {}) })),
      works: figures.works.slice(0, 5).map((w) => w.tweak),
      patterns: recurringSlipCues(journal, now).map(slipPatternSentence),
      encouragements: evidence.encouragements.map((e) => ({ from: e.from, text: e.text })),
      ...(focusDomainId ? { domainName: name(journal, focusDomainId) } : {}),
      ...(figures.fromRecord ? { fromRecord: figures.fromRecord } : {}),
    },
    models: journal.models
      .filter((m) => !focusDomainId || !m.domainId || m.domainId === focusDomainId)
      .map((m) => ({ name: m.name, workflowNotes: m.workflowNotes, ...(m.domainId ? { domainName: name(journal, m.domainId) } : {}) })),
    due: { reflection: due.reflection, reassess: due.reassess.map((id) => name(journal, id)) },
    charts: {
      efficacy: efficacySeries(journal)
        .map((s) => ({ domainName: name(journal, s.domainId), colour: colourOf(figures.domainOrder, s.domainId), points: lastMonths(s.points, (p) => p.at, now) }))
        .sort((a, b) => a.colour - b.colour),
      calendar: figures.calendar,
      attributionMix: figures.attributionMix,
      calibration: figures.calibration,
      ...(calibrationNote ? { calibrationNote } : {}),
      brier: figures.brier.map((b) => ({ ...b, points: lastMonths(b.points, (p) => p.month, now) })),
      ...(dip ? { dip } : {}),
    },
  };
}

/** A domain's place in the Progress tab's list, which picks its colour; one it does not list comes after. */
function colourOf(order: readonly string[], domainId: string): number {
  const index = order.indexOf(domainId);
  return index >= 0 ? index : order.length;
}

/** The sidebar draws the last twelve months (the Progress tab draws all of them), so what it is sent and renders does not grow with the years. */
const SIDEBAR_MONTHS = 12;

/** The points of the last twelve months; a domain with none keeps its latest, which still says where it stands. */
function lastMonths<T>(points: readonly T[], at: (point: T) => number, now: number): T[] {
  const from = monthStart(now, -(SIDEBAR_MONTHS - 1));
  const recent = points.filter((p) => at(p) >= from);
  return recent.length > 0 || points.length === 0 ? recent : points.slice(-1);
}

/** The dip is a moment of doubt: someone like the user who got there by effort comes with it. */
function withModel(journal: Journal, dip: string | undefined, domainId: string | undefined): string | undefined {
  const model = dip && domainId !== undefined ? modelForDoubt(journal, domainId) : dip ? journal.models[journal.models.length - 1] : undefined;
  return dip && model ? `${dip} ${modelSentence(model)}` : dip;
}

/** How many of the latest wins the evidence bank shows. */
export const EVIDENCE_WINS = 10;

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
  return assemble(journal, now, settings, defaults, suggestions, language, {
    fromRecord: focusDomainId ? encouragementFromRecordWithCredit(journal, focusDomainId, name(journal, focusDomainId), settings.confidenceThreshold) : undefined,
    latestDomainId: latestDomain(journal),
    lastCueId: (domainId) => latestCue(journal, domainId),
    lastTweak: (domainId) => lastTweak(journal, domainId),
    openTweak: (domainId) => tweakStillOpen(journal, domainId),
    levels: levelScores(journal),
    works: tweaksThatWork(journal),
    calibration: calibration(journal),
    calendar: winsCalendar(journal, now),
    attributionMix: attributionMix(journal, now),
    brier: brierByDomain(journal).map((b) => ({ domainName: name(journal, b.domainId), points: b.points })),
    domainOrder: progressDomains(journal).map((d) => d.id),
  });
}
