import { plannedLengthLabel } from '../../core/practices/plan';
import { refuseIfRunning, start } from '../actions/start';
import { tweakSentence } from '../../core/coach';
import type { Services } from '../services';
import { askConfidence, askDomain, askDomainName, askEfficacy, askQuestion } from './prompts';
import { answers } from '../../core/practices/answered';
import type { CueChoice, DomainChoice, GoalDraft, StartAnswers, SubgoalAnswers } from '../../core/practices/answers';
import { addSubgoal } from '../actions/inSession';
import { shrinkThreshold, startPractice } from '../../core/practices/start';
import { numberProblem, textProblem } from '../../core/practices/question';
import { chooseCue } from './selfTalk';
import { present } from './present';
import type { PickItem } from '../platform/ui';
import type { Journal } from '../../core/records/schema';
import { domainLabel, startDomain } from '../../core/records/journal';
import { activeSession, liveSubgoals } from '../../core/practices/session';
import { clip } from '../../core/text';
import { t } from '../../core/l10n';
import { coachView } from '../storage/views';
import { lastTweakOf, latestCueOf, latestDomainOf, levelScoresOf } from '../../core/figures/aggregateQueries';
import type { LevelScore } from '../../core/coach';

const startTitle = () => t('Small Wins: Start Focus Session');
const goalsQuestion = startPractice.goals;

/**
 * Asks for a proximal subgoal and its confidence; below the threshold offers to shrink it and re-rate,
 * as often as a goal chain allows. Returns the drafts (the original first) or undefined when cancelled.
 */
export async function planSubgoal(ctx: Services, title: string): Promise<GoalDraft[] | undefined> {
  const text = await askQuestion(ctx, title, goalsQuestion.goal);
  if (text === undefined) return undefined;
  return rateAndShrink(ctx, title, text, levelScoresOf((await coachView(ctx.store, ctx.clock())).totals));
}

/** The ruler for a goal (with what the whole record says about each level), then the shrink step while it is rated below the threshold. */
async function rateAndShrink(ctx: Services, title: string, text: string, record: readonly LevelScore[]): Promise<GoalDraft[] | undefined> {
  const { threshold, learned } = shrinkThreshold(ctx.settings(), record);
  const confidence = await askConfidence(ctx, title, text, { threshold, record });
  if (confidence === undefined) return undefined;
  const goals: GoalDraft[] = [{ text, confidence }];
  const shrink = goalsQuestion.shrink;
  while (shrink.offered(goals, threshold)) {
    const latest = goals[goals.length - 1] as GoalDraft;
    const wanted = await ctx.ui.pick(
      [
        { icon: 'fold', label: shrink.accept(), detail: shrink.why(), value: true },
        { label: shrink.keep(latest.text, latest.confidence), value: false },
      ],
      { title, placeholder: shrink.question(latest.confidence, threshold, learned) },
    );
    if (wanted === undefined) return undefined;
    if (!wanted) break;
    const smaller = await askQuestion(ctx, title, shrink.smaller, { value: latest.text, extra: (typed) => shrink.sameProblem(typed, latest.text) });
    if (smaller === undefined) return undefined;
    const rerated = await askConfidence(ctx, title, smaller, { threshold, record });
    if (rerated === undefined) return undefined;
    goals.push({ text: smaller, confidence: rerated });
  }
  return goals;
}

async function askPlannedMinutes(ctx: Services, preferred: number): Promise<number | undefined> {
  const question = startPractice.plannedMinutes;
  const choices = question.choices(preferred).sort((a, b) => (a.minutes === preferred ? -1 : b.minutes === preferred ? 1 : a.minutes - b.minutes));
  const items: PickItem<number>[] = choices.map((c) => ({ label: c.label, ...(c.minutes === preferred ? { description: t('current') } : {}), value: c.minutes }));
  items.push({ icon: 'edit', label: question.other(), value: -1 });
  const picked = await ctx.ui.pick(items, { title: startTitle(), placeholder: question.question() });
  if (picked !== -1) return picked;
  const typed = await ctx.ui.input({
    title: startTitle(),
    prompt: t('Planned minutes (1–1440)'),
    validate: (typed) => numberProblem(question.typed, typed),
  });
  return typed === undefined ? undefined : Number(typed.trim());
}

/** Subgoals of recent sessions in this domain that were missed or partly met: missed first, newest first. */
export function unfinishedGoals(history: Journal, domainId: string, limit = 5): string[] {
  const rank = { missed: 0, partly: 1 } as const;
  const found: { text: string; rank: number; at: number }[] = [];
  for (const s of history.sessions.slice(-30)) {
    if (s.domainId !== domainId || s.endedAt === undefined) continue;
    for (const g of liveSubgoals(s)) if (g.outcome === 'missed' || g.outcome === 'partly') found.push({ text: g.text, rank: rank[g.outcome], at: s.startedAt });
  }
  const seen = new Set<string>();
  return found
    .sort((a, b) => a.rank - b.rank || b.at - a.at)
    .filter((g) => !seen.has(g.text) && (seen.add(g.text), true))
    .slice(0, limit)
    .map((g) => g.text);
}

/** A new micro-domain is named, with the baseline can-do rating offered (Enter skips it); the start records both. */
async function newDomain(ctx: Services, name: string): Promise<{ domain: DomainChoice; baseline: number | undefined } | undefined> {
  const baseline = await askEfficacy(ctx, name, startTitle(), { skippable: true });
  if (baseline === undefined) return undefined;
  return { domain: { kind: 'new', name }, baseline: baseline ?? undefined };
}

const BUTTONS = () => [
  { id: 'domain', icon: 'symbol-namespace', tooltip: t('Change the domain') },
  { id: 'length', icon: 'clock', tooltip: t('Change the planned length') },
  { id: 'cue', icon: 'comment-discussion', tooltip: t('Change the self-talk cue') },
];

/**
 * The daily start, in two interactions for a returning user: one box that already holds the last
 * domain, planned length and cue (named in its title, changed with its buttons) where the subgoal is
 * typed or an unfinished one picked, then the ruler. The shrink step still follows a low rating.
 */
export async function startFocusSession(ctx: Services): Promise<void> {
  refuseIfRunning(ctx.store.live);
  const view = await coachView(ctx.store, ctx.clock());
  const history = view.records;
  const known = startDomain(view.records, ctx.defaults.get().lastDomainId, latestDomainOf(view.totals));
  let domain: DomainChoice;
  let baseline: number | undefined;
  if (known) domain = { kind: 'existing', id: known.id };
  else {
    const name = await askDomainName(ctx, startTitle());
    const named = name === undefined ? undefined : await newDomain(ctx, name);
    if (!named) return;
    ({ domain, baseline } = named);
  }
  let planned = ctx.defaults.get().plannedMinutes ?? ctx.settings().defaultPlannedMinutes;
  // The cue of the domain's latest session however long ago (from the totals), when it still exists.
  const lastCue = domain.kind === 'existing' ? latestCueOf(view.totals, domain.id) : undefined;
  let cue: CueChoice | undefined = lastCue !== undefined && ctx.store.live.cues.some((c) => c.id === lastCue) ? { kind: 'existing', id: lastCue } : undefined;
  let text = '';
  for (;;) {
    const journal = ctx.store.live;
    const domainName = domain.kind === 'new' ? domain.name : domainLabel(journal, domain.id);
    const chosen = cue;
    const cueText = chosen === undefined ? t('no cue') : chosen.kind === 'new' ? chosen.instruction : (journal.cues.find((c) => c.id === chosen.id)?.instruction ?? t('no cue'));
    const unfinished = domain.kind === 'existing' ? unfinishedGoals(history, domain.id) : [];
    // The tweak from the last slip review comes back where the next step is chosen.
    const last = domain.kind === 'existing' ? lastTweakOf(view.totals, domain.id) : undefined;
    const tweak = last && tweakSentence(last, ctx.clock(), ctx.language);
    const ask = unfinished.length ? t('Type your proximal subgoal, or pick one you did not finish') : t('Type your proximal subgoal: close in time and concrete');
    const composed = await ctx.ui.compose<string>({
      title: t('Start focus · {0} · {1} · cue: {2}', domainName, plannedLengthLabel(planned), clip(cueText, 40)),
      placeholder: tweak ? `${tweak} — ${ask}` : ask,
      items: unfinished.map((goal) => ({ icon: 'debug-restart', label: goal, description: t('not finished last time'), value: goal })),
      buttons: BUTTONS(),
      typedHint: t('start with this subgoal'),
      validate: (typed) => textProblem(goalsQuestion.goal, typed),
      value: text,
    });
    if (!composed) return;
    if (composed.kind !== 'button') {
      text = composed.kind === 'item' ? composed.value : composed.text;
      break;
    }
    text = composed.text;
    if (composed.id === 'domain') {
      const picked = await askDomain(ctx, { title: startTitle(), allowCreate: true, ...(domain.kind === 'existing' ? { preferredId: domain.id } : {}) });
      const named = picked?.kind === 'new' ? await newDomain(ctx, picked.name) : picked && { domain: picked, baseline: undefined };
      if (named) ({ domain, baseline } = named);
    } else if (composed.id === 'length') {
      const minutes = await askPlannedMinutes(ctx, planned);
      if (minutes !== undefined) planned = minutes;
    } else if (composed.id === 'cue') {
      const picked = await chooseCue(ctx, { title: startTitle(), optional: true });
      cue = picked;
    }
  }
  const goals = await rateAndShrink(ctx, startTitle(), text, levelScoresOf(view.totals));
  if (!goals) return;
  const started = await start(ctx, answers<StartAnswers>({ domain, baseline, goals, plannedMinutes: planned, cue })).catch((error: unknown) => {
    const running = activeSession(ctx.store.live);
    if (!running) throw error;
    return running;
  });
  if ('notices' in started) return present(ctx, started.notices);
  // Another window started a session while this one was being planned: what was typed here is offered to it, not dropped.
  const add = t('Add as a subgoal');
  const latest = goals[goals.length - 1] as GoalDraft;
  const choice = await ctx.ui.info(t('A focus session was started in another window meanwhile. Add "{0}" to it as a subgoal?', clip(latest.text, 60)), add);
  if (choice === add) present(ctx, (await addSubgoal(ctx, answers<SubgoalAnswers>({ sessionId: started.id, goals }))).notices);
}
