import type { Done, Notice } from '../actions/notices';
import type { Win } from '../../core/records/schema';
import { editRecord } from '../actions/records';
import { t } from '../../core/l10n';
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

/**
 * A logged win's acknowledgment, with credit set in the same click: "With AI help" marks the win so
 * (the evidence and the charts count it apart). Nothing extra is asked.
 */
export async function presentWin(ctx: Services, done: Done<Win>): Promise<void> {
  const ack = done.notices.find((n) => n.kind === 'ack');
  if (!ack || ctx.settings().acknowledgeIn === 'statusBar' || done.value.by !== undefined) {
    present(ctx, done.notices);
    return;
  }
  const mark = t('With AI help');
  const choice = await ctx.ui.info(ack.text, mark);
  if (choice === mark) present(ctx, (await editRecord(ctx, { kind: 'win', id: done.value.id, by: 'assisted' })).notices);
}
