import { activeSession, excludeAway, updateRunning } from '../../core/session';
import { spokenDuration } from '../../core/time';
import type { Services } from '../services';
import { t } from '../../core/l10n';

/**
 * The tick found a gap far longer than a tick: the machine slept. Ask whether that time counts as
 * focus; if not, it becomes an "away" pause. Any answer other than "don't count" keeps the time.
 */
export async function askAboutAwayTime(ctx: Pick<Services, 'ui' | 'store'>, from: number, to: number): Promise<void> {
  const session = activeSession(ctx.store.live);
  if (!session) return;
  const dontCount = t("Don't count it");
  const choice = await ctx.ui.warn(
    t('You were away for about {0} (the machine seems to have slept). Does that time count as focus?', spokenDuration(to - from)),
    t('Count it'),
    dontCount,
  );
  if (choice !== dontCount) return;
  await ctx.store.apply((j) => (activeSession(j)?.id === session.id ? updateRunning(j, session.id, (s) => excludeAway(s, from, to)) : j));
}
