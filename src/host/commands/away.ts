import { activeSession } from '../../core/session';
import { spokenDuration } from '../../core/time';
import { excludeAwayTime } from '../actions/inSession';
import type { Services } from '../services';
import { t } from '../../core/l10n';

/**
 * The tick found a gap far longer than a tick: the machine slept. Ask whether that time counts as
 * focus; if not, the action records it as an "away" pause. Any answer other than "don't count" keeps the time.
 */
export async function askAboutAwayTime(ctx: Services, from: number, to: number): Promise<void> {
  const session = activeSession(ctx.store.live);
  if (!session) return;
  const dontCount = t("Don't count it");
  const choice = await ctx.ui.warn(
    t('You were away for about {0} (the machine seems to have slept). Does that time count as focus?', spokenDuration(to - from)),
    t('Count it'),
    dontCount,
  );
  if (choice !== dontCount) return;
  await excludeAwayTime(ctx, { sessionId: session.id, from, to });
}
