import { activeSession } from '../../core/practices/session';
import { spokenDuration } from '../../core/time';
import { excludeAwayTime } from '../actions/inSession';
import type { Services } from '../services';
import { t } from '../../core/l10n';

/**
 * The machine slept (the tick found a gap far longer than a tick), or no VS Code window was active for
 * longer than the away threshold: ask, in one click, whether that time counts as focus; if not, it
 * becomes an "away" pause. Any answer other than "don't count" keeps the time.
 */
export async function askAboutAwayTime(ctx: Services, from: number, to: number, reason: 'sleep' | 'away' = 'sleep'): Promise<void> {
  const session = activeSession(ctx.store.live);
  if (!session || to <= from) return;
  const dontCount = t("Don't count it");
  const choice = await ctx.ui.warn(
    reason === 'sleep'
      ? t('You were away for about {0} (the machine seems to have slept). Does that time count as focus?', spokenDuration(to - from))
      : t('No VS Code window was active for about {0}. Does that time count as focus?', spokenDuration(to - from)),
    t('Count it'),
    dontCount,
  );
  if (choice !== dontCount) return;
  await excludeAwayTime(ctx, { sessionId: session.id, from, to });
}
