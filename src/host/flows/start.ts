import { shouldOfferShrink } from '../../core/confidence';
import { otherDomainThisWeek } from '../../core/journal';
import { encouragementFromRecord } from '../../core/evidence';
import { activeSession, newSubgoal, startSession } from '../../core/session';
import type { Domain, Subgoal } from '../../core/schema';
import type { FlowContext } from './context';
import { askConfidence, askDomain, askText } from './prompts';
import { chooseCue } from './selfTalk';
import type { PickItem } from '../ui';

const TITLE = 'Small Wins: Start Focus Session';
const TOTAL = 5;
const step = (n: number) => ({ step: n, totalSteps: TOTAL });

/**
 * Asks for a proximal subgoal and its confidence; below the threshold offers to shrink it and re-rate.
 * Returns the goals to record (the original first when it was shrunk) or undefined when cancelled.
 */
export async function planSubgoal(ctx: FlowContext, title: string, stepNo?: number): Promise<Subgoal[] | undefined> {
  const at = stepNo ? step(stepNo) : undefined;
  const text = await askText(ctx, {
    title,
    prompt: 'A proximal subgoal: close in time and concrete. What will you get done?',
    placeholder: 'Write tests for the three tokenizer edge cases',
    what: 'a subgoal',
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
        { label: '$(fold) Shrink the goal', detail: 'A smaller step you are sure of builds more belief than a big one you doubt', value: true },
        { label: `Keep "${latest.text}" at ${confidence}/10`, value: false },
      ],
      { title, placeholder: `You rated ${confidence}/10, below ${threshold}. Make it smaller?`, ...(at ? { step: at } : {}) },
    );
    if (shrink === undefined) return undefined;
    if (!shrink) break;
    const smaller = await askText(ctx, {
      title,
      prompt: 'Make it smaller: which part could you surely finish?',
      value: latest.text,
      what: 'the smaller subgoal',
      extra: (t) => (t === latest.text ? 'Change the goal to make it smaller.' : undefined),
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

async function askPlannedMinutes(ctx: FlowContext, preferred: number): Promise<number | undefined> {
  const options = [0, 15, 25, 45, 60, 90];
  if (!options.includes(preferred)) options.push(preferred);
  const items: PickItem<number>[] = options
    .sort((a, b) => (a === preferred ? -1 : b === preferred ? 1 : a - b))
    .map((m) => ({ label: m === 0 ? 'Open-ended' : `${m} minutes`, ...(m === preferred ? { description: 'default' } : {}), value: m }));
  items.push({ label: '$(edit) Other length…', value: -1 });
  const picked = await ctx.ui.pick(items, { title: TITLE, placeholder: 'How long do you plan to focus?', step: step(4) });
  if (picked !== -1) return picked;
  const typed = await ctx.ui.input({
    title: TITLE,
    prompt: 'Planned minutes (1–1440)',
    step: step(4),
    validate: (t) => (/^\s*\d+\s*$/.test(t) && Number(t) >= 1 && Number(t) <= 1440 ? undefined : 'Enter whole minutes from 1 to 1440.'),
  });
  return typed === undefined ? undefined : Number(typed);
}

export async function startFocusSession(ctx: FlowContext): Promise<void> {
  if (activeSession(ctx.store.live)) {
    await ctx.ui.info('A focus session is already running. End it before starting another.');
    return;
  }
  const defaults = ctx.defaults.get();
  const domain: Domain | undefined = await askDomain(ctx, {
    title: TITLE,
    allowCreate: true,
    step: step(1),
    ...(defaults.lastDomainId ? { preferredId: defaults.lastDomainId } : {}),
  });
  if (!domain) return;
  const other = otherDomainThisWeek(await ctx.store.history(), domain.id, ctx.clock());
  if (other) {
    void ctx.ui.warn(`You already worked on "${other.name}" this week. One major domain at a time lets belief build faster; "${domain.name}" is fine if it is the one that matters now.`);
  }
  const goals = await planSubgoal(ctx, TITLE, 2);
  if (!goals) return;
  const chosen = goals[goals.length - 1] as Subgoal;
  if (shouldOfferShrink(chosen.confidence, ctx.settings().confidenceThreshold)) {
    const record = encouragementFromRecord(await ctx.store.history(), domain.id, domain.name);
    if (record) void ctx.ui.info(record);
  }
  const planned = await askPlannedMinutes(ctx, defaults.plannedMinutes ?? ctx.settings().defaultPlannedMinutes);
  if (planned === undefined) return;
  const cue = await chooseCue(ctx, { title: TITLE, step: step(5), optional: true });
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
    await ctx.ui.info('Another window started a focus session meanwhile; it is shown in the status bar.');
    return;
  }
  await ctx.defaults.set({ lastDomainId: domain.id, plannedMinutes: planned });
  const length = planned ? `${planned} minutes` : 'open-ended';
  void ctx.ui.info(`Focus session started on ${domain.name} (${length}). First step: ${chosen.text}`);
}
