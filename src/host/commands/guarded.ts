import { SessionError } from '../../core/practices/session';
import type { Services } from '../services';
import { t } from '../../core/l10n';
import { errorText } from '../../core/text';

/** Runs a palette flow; a refusal or failure becomes a clear error message, never an unhandled rejection. */
export async function guarded(ctx: Services, flow: (ctx: Services) => Promise<void>): Promise<void> {
  try {
    await flow(ctx);
  } catch (error) {
    ctx.ui.error(error instanceof SessionError ? error.message : t('Small Wins: {0}', errorText(error)));
  }
}
