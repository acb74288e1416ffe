import type { Notice } from '../actions/notices';
import type { Services } from '../services';

/**
 * The palette's way to show what an action says: at most one notification, its sentences joined (a
 * warning when one of them warns), so the user is never handed a stack of toasts. An acknowledgment
 * goes to the status bar instead when the user chose so.
 */
export function present(ctx: Pick<Services, 'ui' | 'settings' | 'flash'>, notices: readonly Notice[]): void {
  const toStatusBar = ctx.settings().acknowledgeIn === 'statusBar';
  const shown: Notice[] = [];
  for (const notice of notices) {
    if (notice.kind === 'ack' && toStatusBar) ctx.flash(notice.brief ?? notice.text);
    else shown.push(notice);
  }
  if (shown.length === 0) return;
  const text = shown.map((n) => n.text).join(' ');
  void (shown.some((n) => n.kind === 'warn') ? ctx.ui.warn(text) : ctx.ui.info(text));
}
