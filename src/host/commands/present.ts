import type { Done, Notice } from '../actions/notices';
import type { Ui } from '../platform/ui';

/** The palette's way to show what an action says: each sentence as a notification. */
export function present(ui: Ui, notices: readonly Notice[]): void {
  for (const notice of notices) void (notice.kind === 'warn' ? ui.warn(notice.text) : ui.info(notice.text));
}

/** Shows what an action said and hands back its value. */
export function shown<T>(ui: Ui, done: Done<T>): T {
  present(ui, done.notices);
  return done.value;
}
