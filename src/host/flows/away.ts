import { activeSession, excludeAway, updateRunning } from '../../core/session';
import { spokenDuration } from '../../core/time';
import type { FlowContext } from './context';

export const COUNT_IT = 'Count it';
export const DONT_COUNT = "Don't count it";

/**
 * The tick found a gap far longer than a tick: the machine slept. Ask whether that time counts as
 * focus; if not, it becomes an "away" pause. Any answer other than "don't count" keeps the time.
 */
export async function askAboutAwayTime(ctx: Pick<FlowContext, 'ui' | 'store'>, from: number, to: number): Promise<void> {
  const session = activeSession(ctx.store.live);
  if (!session) return;
  const choice = await ctx.ui.warn(
    `You were away for about ${spokenDuration(to - from)} (the machine seems to have slept). Does that time count as focus?`,
    COUNT_IT,
    DONT_COUNT,
  );
  if (choice !== DONT_COUNT) return;
  await ctx.store.apply((j) => (activeSession(j)?.id === session.id ? updateRunning(j, session.id, (s) => excludeAway(s, from, to)) : j));
}
