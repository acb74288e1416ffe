import { plannedLengthChoices, plannedLengthLabel, shouldOfferShrink } from '../../core/plan';
import { refuseIfRunning, start } from '../actions/start';
import type { GoalDraft } from '../actions/start';
import type { Services } from '../services';
import { askConfidence, askDomain, askText } from './prompts';
import { chooseCue } from './selfTalk';
import { present } from './present';
import type { PickItem } from '../platform/ui';
import { t } from '../../core/l10n';

const startTitle = () => t('Small Wins: Start Focus Session');
const TOTAL = 5;
const step = (n: number) => ({ step: n, totalSteps: TOTAL });

/**
 * Asks for a proximal subgoal and its confidence; below the threshold offers to shrink it and re-rate,
 * as often as a goal chain allows. Returns the drafts (the original first) or undefined when cancelled.
 */
export async function planSubgoal(ctx: Services, title: string, stepNo?: number): Promise<GoalDraft[] | undefined> {
  const at = stepNo ? step(stepNo) : undefined;
  const text = await askText(ctx, {
    title,
    prompt: t('A proximal subgoal: close in time and concrete. What will you get done?'),
    placeholder: t('Write tests for the three tokenizer edge cases'),
    what: t('a subgoal'),
    ...(at ? { step: at } : {}),
  });
  if (text === undefined) return undefined;
  const confidence = await askConfidence(ctx, title, text, at);
  if (confidence === undefined) return undefined;
  const goals: GoalDraft[] = [{ text, confidence }];
  for (;;) {
    const threshold = ctx.settings().confidenceThreshold;
    const latest = goals[goals.length - 1] as GoalDraft;
    if (!shouldOfferShrink(latest.confidence, threshold, goals.length)) break;
    const shrink = await ctx.ui.pick(
      [
        { icon: 'fold', label: t('Shrink the goal'), detail: t('A smaller step you are sure of builds more belief than a big one you doubt'), value: true },
        { label: t('Keep "{0}" at {1}/10', latest.text, latest.confidence), value: false },
      ],
      { title, placeholder: t('You rated {0}/10, below {1}. Make it smaller?', latest.confidence, threshold), ...(at ? { step: at } : {}) },
    );
    if (shrink === undefined) return undefined;
    if (!shrink) break;
    const smaller = await askText(ctx, {
      title,
      prompt: t('Make it smaller: which part could you surely finish?'),
      value: latest.text,
      what: t('the smaller subgoal'),
      extra: (typed) => (typed === latest.text ? t('Change the goal to make it smaller.') : undefined),
      ...(at ? { step: at } : {}),
    });
    if (smaller === undefined) return undefined;
    const rerated = await askConfidence(ctx, title, smaller, at);
    if (rerated === undefined) return undefined;
    goals.push({ text: smaller, confidence: rerated });
  }
  return goals;
}

async function askPlannedMinutes(ctx: Services, preferred: number): Promise<number | undefined> {
  const choices = plannedLengthChoices(preferred).sort((a, b) => (a === preferred ? -1 : b === preferred ? 1 : a - b));
  const items: PickItem<number>[] = choices.map((m) => ({ label: plannedLengthLabel(m), ...(m === preferred ? { description: t('default') } : {}), value: m }));
  items.push({ icon: 'edit', label: t('Other length…'), value: -1 });
  const picked = await ctx.ui.pick(items, { title: startTitle(), placeholder: t('How long do you plan to focus?'), step: step(4) });
  if (picked !== -1) return picked;
  const typed = await ctx.ui.input({
    title: startTitle(),
    prompt: t('Planned minutes (1–1440)'),
    step: step(4),
    validate: (typed) => (/^\s*\d+\s*$/.test(typed) && Number(typed) >= 1 && Number(typed) <= 1440 ? undefined : t('Enter whole minutes from 1 to 1440.')),
  });
  return typed === undefined ? undefined : Number(typed);
}

/** The palette's start: it asks domain, subgoal, confidence, length and cue, then calls the start action. */
export async function startFocusSession(ctx: Services): Promise<void> {
  refuseIfRunning(ctx.store.live);
  const defaults = ctx.defaults.get();
  const domain = await askDomain(ctx, {
    title: startTitle(),
    allowCreate: true,
    step: step(1),
    ...(defaults.lastDomainId ? { preferredId: defaults.lastDomainId } : {}),
  });
  if (!domain) return;
  const goals = await planSubgoal(ctx, startTitle(), 2);
  if (!goals) return;
  const planned = await askPlannedMinutes(ctx, defaults.plannedMinutes ?? ctx.settings().defaultPlannedMinutes);
  if (planned === undefined) return;
  const cue = await chooseCue(ctx, { title: startTitle(), step: step(5), optional: true });
  const done = await start(ctx, { domain, goals, plannedMinutes: planned, ...(cue ? { cue } : {}) });
  present(ctx.ui, done.notices);
}
