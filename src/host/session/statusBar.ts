import * as vscode from 'vscode';
import type { Journal } from '../../core/records/schema';
import { activeSession, elapsedMs } from '../../core/practices/session';
import { statusView } from '../../core/practices/statusView';
import type { StatusOptions } from '../../core/practices/statusView';
import { commandId } from '../commands/commandIds';
import { t } from '../../core/l10n';

/** The status-bar item: "start focus" when idle, the session's time, domain and wins while one runs. */
export class SessionStatusBar implements vscode.Disposable {
  readonly #item = vscode.window.createStatusBarItem('smallWins.session', vscode.StatusBarAlignment.Left, 100);
  /** The largest elapsed time shown per session, so a clock set backwards never makes it shrink. */
  #floor: { key: string; elapsed: number } | undefined;

  constructor() {
    this.#item.name = t('Small Wins');
  }

  render(journal: Journal, now: number, options: Omit<StatusOptions, 'elapsedFloor'>): boolean {
    const session = activeSession(journal);
    let elapsedFloor: number | undefined;
    if (session) {
      // A new pause (or excluded sleep) may rightly lower the time, so the floor is per pause count.
      const key = `${session.id}:${session.pauses.length}`;
      const elapsed = elapsedMs(session, now);
      elapsedFloor = this.#floor?.key === key ? this.#floor.elapsed : undefined;
      this.#floor = { key, elapsed: Math.max(elapsed, elapsedFloor ?? 0) };
    } else {
      this.#floor = undefined;
    }
    const view = statusView(journal, now, { ...options, ...(elapsedFloor !== undefined ? { elapsedFloor } : {}) });
    this.#item.text = view.text;
    this.#item.tooltip = view.tooltip;
    this.#item.accessibilityInformation = { label: view.accessibilityLabel, role: 'button' };
    this.#item.command = commandId(session ? 'sessionMenu' : 'startSession');
    this.#item.show();
    return view.running;
  }

  dispose(): void {
    this.#item.dispose();
  }
}
