import { arousalReframes } from '../../core/reframe';
import { isPaused, logWin, openSubgoals, pause, resume, updateRunning, addSubgoals } from '../../core/session';
import { newId } from '../../core/ids';
import { dayStart } from '../../core/time';
import { winsSince } from '../../core/evidence';
import type { Subgoal } from '../../core/schema';
import { domainName, requireSession } from '../services';
import type { Services } from '../services';
import { askText, truncate } from './prompts';
import { planSubgoal } from './start';
import type { PickItem } from '../platform/ui';
import { t, winCount } from '../../core/l10n';

export async function addSubgoal(ctx: Services): Promise<void> {
  const session = await requireSession(ctx);
  if (!session) return;
  const goals = await planSubgoal(ctx, t('Small Wins: Add Subgoal'));
  if (!goals) return;
  await ctx.store.apply((j) => updateRunning(j, session.id, (s) => addSubgoals(s, goals)));
  void ctx.ui.info(t('Subgoal added: {0}', goals[goals.length - 1]?.text ?? ''));
}

const MICRO_WIN = Symbol('micro-win');

/** Marks a subgoal done or records a free-text micro-win, then acknowledges it from the record. */
export async function logAWin(ctx: Services): Promise<void> {
  const session = await requireSession(ctx);
  if (!session) return;
  const title = t('Small Wins: Log a Win');
  const items: PickItem<Subgoal | typeof MICRO_WIN>[] = openSubgoals(session).map((g) => ({
    icon: 'pass',
    label: g.text,
    description: t('subgoal · confidence {0}/10', g.confidence),
    value: g,
  }));
  items.push({ icon: 'star-empty', label: t('A micro-win…'), detail: t('Anything that moved you forward: a passing test, a clear name, a question answered'), value: MICRO_WIN });
  const picked = items.length === 1 ? MICRO_WIN : await ctx.ui.pick(items, { title, placeholder: t('What did you get done?') });
  if (picked === undefined) return;
  let text: string;
  let subgoalId: string | undefined;
  if (picked === MICRO_WIN) {
    const typed = await askText(ctx, { title, prompt: t('Name the micro-win.'), placeholder: t('The failing test now reproduces the bug'), what: t('the win') });
    if (typed === undefined) return;
    text = typed;
  } else {
    text = picked.text;
    subgoalId = picked.id;
  }
  const now = ctx.clock();
  const saved = await ctx.store.update((journal) => {
    let count = 0;
    const next = updateRunning(journal, session.id, (s) => {
      const result = logWin(s, { text, ...(subgoalId ? { subgoalId } : {}) }, now);
      count = result.session.wins.length;
      return result.session;
    });
    return { journal: next, result: count };
  });
  if (!ctx.settings().acknowledgeWins) return;
  const today = winsSince(await ctx.store.history(), dayStart(now)).filter((w) => w.domainId === session.domainId).length;
  const domain = domainName(ctx.store.live, session.domainId);
  void ctx.ui.info(t('"{0}" — that is {1} this session and {2} today on {3}. Take a breath and notice it.', truncate(text, 80), winCount(saved), today, domain));
}

export async function togglePause(ctx: Services): Promise<void> {
  const session = await requireSession(ctx);
  if (!session) return;
  const paused = isPaused(session);
  const now = ctx.clock();
  await ctx.store.apply((j) => updateRunning(j, session.id, (s) => (paused ? resume(s, now) : pause(s, now))));
  void ctx.ui.info(paused ? t('Session resumed.') : t('Session paused. The timer waits for you.'));
}

const OTHER_SIGNAL = Symbol('other');

/** Reappraises a bodily signal as readiness, and keeps it on the running session if there is one. */
export async function reframeArousal(ctx: Services): Promise<void> {
  const title = t('Small Wins: Reframe Arousal');
  const items: PickItem<ReturnType<typeof arousalReframes>[number] | typeof OTHER_SIGNAL>[] = arousalReframes().map((r) => ({ label: r.signal, value: r }));
  items.push({ icon: 'edit', label: t('Something else…'), value: OTHER_SIGNAL });
  const picked = await ctx.ui.pick(items, { title, placeholder: t('What do you notice in your body right now?') });
  if (picked === undefined) return;
  let signal: string;
  let reframe: string;
  if (picked === OTHER_SIGNAL) {
    const typed = await askText(ctx, { title, prompt: t('What do you notice?'), placeholder: t('Jaw clenched'), what: t('the signal') });
    if (typed === undefined) return;
    signal = typed;
    reframe = t('My body is getting ready: this energy can go into the next small step.');
  } else {
    signal = picked.signal;
    reframe = picked.reframe;
  }
  const keep = t('Keep this reframe');
  const choice = await ctx.ui.info(`${signal}: ${reframe}`, keep);
  if (choice !== keep) return;
  const now = ctx.clock();
  const kept = await ctx.store.update((journal) => {
    const running = journal.sessions.find((s) => s.endedAt === undefined);
    if (!running) return { journal, result: false };
    const next = updateRunning(journal, running.id, (s) => ({ ...s, reframes: [...s.reframes, { id: newId(), signal, reframe, at: now }] }));
    return { journal: next, result: true };
  });
  if (!kept) void ctx.ui.info(t('Start a focus session to keep reframes in your journal.'));
}
