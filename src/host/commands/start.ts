import { shouldOfferShrink } from '../../core/confidence';
import { otherDomainThisWeek } from '../../core/journal';
import { encouragementFromRecord } from '../../core/evidence';
import { activeSession, newSubgoal, startSession } from '../../core/session';
import type { Domain, Subgoal } from '../../core/schema';
import type { Services } from '../services';
import { askConfidence, askDomain, askText } from './prompts';
import { chooseCue } from './selfTalk';
import type { PickItem } from '../platform/ui';
import { t } from '../../core/l10n';

const startTitle = () => t('Small Wins: Start Focus Session');
const TOTAL = 5;
const step = (n: number) => ({ step: n, totalSteps: TOTAL });

/**
 * Asks for a proximal subgoal and its confidence; below the threshold offers to shrink it and re-rate.
 * Returns the goals to record (the original first when it was shrunk) or undefined when cancelled.
 */
export async function planSubgoal(ctx: Services, title: string, stepNo?: number): Promise<Subgoal[] | undefined> {
  const at = stepNo ? step(stepNo) : undefined;
  const text = await askText(ctx, {
    title,
    prompt: t('A proximal subgoal: close in time and concrete. What will you get done?'),
    placeholder: t('Write tests for the three tokenizer edge cases'),
    what: t('a subgoal'),
    ...(at ? { step: at } : {}),
  });
  if (text === undefined) return undefined;
  let confidence = await askConfidence(ctx, title, text, at);
  if (confidence === undefined) return undefined;
  const goals: Subgoal[] = [newSubgoal(text, confidence, ctx.clock())];
  // Shrink until the goal feels doable, or until the user chooses to keep it.
  for (;;) {
    const threshold = ctx.settings().confidenceThreshold;
    const latest = goals[goals.length - 1] as Subgoal;
    if (!shouldOfferShrink(confidence, threshold)) break;
    const shrink = await ctx.ui.pick(
      [
        { icon: 'fold', label: t('Shrink the goal'), detail: t('A smaller step you are sure of builds more belief than a big one you doubt'), value: true },
        { label: t('Keep "{0}" at {1}/10', latest.text, confidence), value: false },
      ],
      { title, placeholder: t('You rated {0}/10, below {1}. Make it smaller?', confidence, threshold), ...(at ? { step: at } : {}) },
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
    confidence = rerated;
    goals.push(newSubgoal(smaller, rerated, ctx.clock(), latest.id));
  }
  return goals;
}

async function askPlannedMinutes(ctx: Services, preferred: number): Promise<number | undefined> {
  const options = [0, 15, 25, 45, 60, 90];
  if (!options.includes(preferred)) options.push(preferred);
  const items: PickItem<number>[] = options
    .sort((a, b) => (a === preferred ? -1 : b === preferred ? 1 : a - b))
    .map((m) => ({ label: m === 0 ? t('Open-ended') : t('{0} minutes', m), ...(m === preferred ? { description: t('default') } : {}), value: m }));
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

export async function startFocusSession(ctx: Services): Promise<void> {
  if (activeSession(ctx.store.live)) {
    await ctx.ui.info(t('A focus session is already running. End it before starting another.'));
    return;
  }
  const defaults = ctx.defaults.get();
  const domain: Domain | undefined = await askDomain(ctx, {
    title: startTitle(),
    allowCreate: true,
    step: step(1),
    ...(defaults.lastDomainId ? { preferredId: defaults.lastDomainId } : {}),
  });
  if (!domain) return;
  const other = otherDomainThisWeek(await ctx.store.history(), domain.id, ctx.clock());
  if (other) {
    void ctx.ui.warn(t('You already worked on "{0}" this week. One major domain at a time lets belief build faster; "{1}" is fine if it is the one that matters now.', other.name, domain.name));
  }
  const goals = await planSubgoal(ctx, startTitle(), 2);
  if (!goals) return;
  const chosen = goals[goals.length - 1] as Subgoal;
  if (shouldOfferShrink(chosen.confidence, ctx.settings().confidenceThreshold)) {
    const record = encouragementFromRecord(await ctx.store.history(), domain.id, domain.name);
    if (record) void ctx.ui.info(record);
  }
  const planned = await askPlannedMinutes(ctx, defaults.plannedMinutes ?? ctx.settings().defaultPlannedMinutes);
  if (planned === undefined) return;
  const cue = await chooseCue(ctx, { title: startTitle(), step: step(5), optional: true });
  const started = await ctx.store.update((journal) => {
    if (activeSession(journal)) return { journal, result: undefined };
    const result = startSession(
      journal,
      { domainId: domain.id, workspace: ctx.workspaceLabel(), subgoals: goals, ...(planned ? { plannedMinutes: planned } : {}), ...(cue ? { cueId: cue.id } : {}) },
      ctx.clock(),
    );
    return { journal: result.journal, result: result.session };
  });
  if (!started) {
    await ctx.ui.info(t('Another window started a focus session meanwhile; it is shown in the status bar.'));
    return;
  }
  await ctx.defaults.set({ lastDomainId: domain.id, plannedMinutes: planned });
  const length = planned ? t('{0} minutes', planned) : t('open-ended');
  void ctx.ui.info(t('Focus session started on {0} ({1}). First step: {2}', domain.name, length, chosen.text));
}
