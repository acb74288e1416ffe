import { plannedLengthChoices, plannedLengthLabel, shouldOfferShrink } from '../../core/plan';
import { refuseIfRunning, start, thresholdFor } from '../actions/start';
import { tweakSentence } from '../../core/coach';
import type { GoalDraft } from '../actions/start';
import type { Services } from '../services';
import { askConfidence, askDomain, askDomainName, askEfficacy, askText } from './prompts';
import { chooseCue } from './selfTalk';
import { present } from './present';
import type { PickItem } from '../platform/ui';
import type { Journal } from '../../core/schema';
import type { CueChoice, DomainChoice } from '../actions/choices';
import { domainLabel, findDomainByName, startDomain } from '../../core/journal';
import { liveSubgoals } from '../../core/session';
import { LIMITS } from '../../core/limits';
import { clip } from '../../core/text';
import { rateDomain as rateDomainAction } from '../actions/practices';
import { t } from '../../core/l10n';
import { coachView } from '../storage/views';
import { lastTweakOf, latestCueOf, latestDomainOf, levelScoresOf } from '../../core/aggregates';
import type { LevelScore } from '../../core/coach';

const startTitle = () => t('Small Wins: Start Focus Session');

/**
 * Asks for a proximal subgoal and its confidence; below the threshold offers to shrink it and re-rate,
 * as often as a goal chain allows. Returns the drafts (the original first) or undefined when cancelled.
 */
export async function planSubgoal(ctx: Services, title: string): Promise<GoalDraft[] | undefined> {
  const text = await askText(ctx, {
    title,
    prompt: t('A proximal subgoal: close in time and concrete. What will you get done?'),
    placeholder: t('Write tests for the three tokenizer edge cases'),
    what: t('a subgoal'),
  });
  if (text === undefined) return undefined;
  return rateAndShrink(ctx, title, text, levelScoresOf((await coachView(ctx.store, ctx.clock())).totals));
}

/** The ruler for a goal (with what the whole record says about each level), then the shrink step while it is rated below the threshold. */
async function rateAndShrink(ctx: Services, title: string, text: string, scores: readonly LevelScore[]): Promise<GoalDraft[] | undefined> {
  const confidence = await askConfidence(ctx, title, text, undefined, scores);
  if (confidence === undefined) return undefined;
  const goals: GoalDraft[] = [{ text, confidence }];
  for (;;) {
    const threshold = thresholdFor(ctx, scores);
    const learned = threshold !== ctx.settings().confidenceThreshold;
    const latest = goals[goals.length - 1] as GoalDraft;
    if (!shouldOfferShrink(latest.confidence, threshold, goals.length)) break;
    const shrink = await ctx.ui.pick(
      [
        { icon: 'fold', label: t('Shrink the goal'), detail: t('A smaller step you are sure of builds more belief than a big one you doubt'), value: true },
        { label: t('Keep "{0}" at {1}/10', latest.text, latest.confidence), value: false },
      ],
      {
        title,
        placeholder: learned
          ? t('You rated {0}/10, below {1} (the level your record shows you usually meet). Make it smaller?', latest.confidence, threshold)
          : t('You rated {0}/10, below {1}. Make it smaller?', latest.confidence, threshold),
      },
    );
    if (shrink === undefined) return undefined;
    if (!shrink) break;
    const smaller = await askText(ctx, {
      title,
      prompt: t('Make it smaller: which part could you surely finish?'),
      value: latest.text,
      what: t('the smaller subgoal'),
      extra: (typed) => (typed === latest.text ? t('Change the goal to make it smaller.') : undefined),
    });
    if (smaller === undefined) return undefined;
    const rerated = await askConfidence(ctx, title, smaller, undefined, scores);
    if (rerated === undefined) return undefined;
    goals.push({ text: smaller, confidence: rerated });
  }
  return goals;
}

async function askPlannedMinutes(ctx: Services, preferred: number): Promise<number | undefined> {
  const choices = plannedLengthChoices(preferred).sort((a, b) => (a === preferred ? -1 : b === preferred ? 1 : a - b));
  const items: PickItem<number>[] = choices.map((m) => ({ label: plannedLengthLabel(m), ...(m === preferred ? { description: t('current') } : {}), value: m }));
  items.push({ icon: 'edit', label: t('Other length…'), value: -1 });
  const picked = await ctx.ui.pick(items, { title: startTitle(), placeholder: t('How long do you plan to focus?') });
  if (picked !== -1) return picked;
  const typed = await ctx.ui.input({
    title: startTitle(),
    prompt: t('Planned minutes (1–1440)'),
    validate: (typed) => (/^\s*\d+\s*$/.test(typed) && Number(typed) >= 1 && Number(typed) <= 1440 ? undefined : t('Enter whole minutes from 1 to 1440.')),
  });
  return typed === undefined ? undefined : Number(typed);
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

/** A first-time user names a micro-domain once, with the baseline can-do rating offered (Enter skips it). */
async function firstDomain(ctx: Services): Promise<DomainChoice | undefined> {
  const name = await askDomainName(ctx, startTitle());
  if (name === undefined) return undefined;
  const baseline = await askEfficacy(ctx, name, startTitle(), { skippable: true });
  if (baseline === undefined) return undefined;
  if (baseline === null) return { kind: 'new', name };
  const done = await rateDomainAction(ctx, { domain: { kind: 'new', name }, value: baseline });
  const created = findDomainByName(ctx.store.live, done.value);
  return created ? { kind: 'existing', id: created.id } : { kind: 'new', name };
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
  let domain: DomainChoice | undefined = known ? { kind: 'existing', id: known.id } : await firstDomain(ctx);
  if (!domain) return;
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
      validate: (typed) => (typed.length > LIMITS.text ? t('Keep {0} to {1} characters (now {2}).', t('a subgoal'), LIMITS.text, typed.length) : undefined),
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
      if (picked) domain = picked;
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
  const done = await start(ctx, { domain, goals, plannedMinutes: planned, ...(cue ? { cue } : {}) });
  present(ctx, done.notices);
}
