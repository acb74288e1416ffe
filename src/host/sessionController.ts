import * as vscode from 'vscode';
import type { Clock } from '../core/clock';
import { activeSession, excludeAway, extendPlan, remainingMs, updateRunning } from '../core/session';
import { spokenDuration } from '../core/time';
import type { JournalStore } from './journalStore';
import { SessionStatusBar } from './statusBar';
import { SessionTicker, realTimers } from './sessionTicker';
import type { Settings } from './settings';
import type { CommandName } from './commandIds';

/**
 * Keeps the status bar in step with the journal: re-renders on every change, ticks while a session
 * runs, notices sleep gaps and announces the planned end once.
 */
export class SessionController implements vscode.Disposable {
  private readonly statusBar = new SessionStatusBar();
  private readonly ticker: SessionTicker;
  private readonly announcedEnds = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly store: JournalStore,
    private readonly clock: Clock,
    private readonly settings: () => Settings,
    private readonly run: (command: CommandName) => Promise<void>,
  ) {
    this.ticker = new SessionTicker(
      clock,
      realTimers,
      () => this.onTick(),
      (from, to) => void this.onGap(from, to),
      () => this.settings().sleepThresholdMinutes * 60_000,
    );
    this.disposables.push(
      this.statusBar,
      this.ticker,
      store.onDidChange(() => this.render()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('smallWins') && this.render()),
      // Another window may have started or ended a session: look again when this one gains focus.
      vscode.window.onDidChangeWindowState((state) => state.focused && this.store.refresh()),
    );
    this.render();
  }

  render(): void {
    const running = this.statusBar.render(this.store.journal, this.clock(), this.settings().showDomainInStatusBar);
    this.ticker.setRunning(running);
  }

  private onTick(): void {
    this.store.refresh();
    this.render();
    this.checkPlannedEnd();
  }

  private checkPlannedEnd(): void {
    const session = activeSession(this.store.journal);
    if (!session || session.plannedMinutes === undefined) return;
    const remaining = remainingMs(session, this.clock());
    const key = `${session.id}:${session.plannedMinutes}`;
    if (remaining === undefined || remaining > 0 || this.announcedEnds.has(key)) return;
    this.announcedEnds.add(key);
    void this.announceEnd(session.id, session.plannedMinutes);
  }

  private async announceEnd(sessionId: string, minutes: number): Promise<void> {
    const end = 'End & review';
    const more = '+10 min';
    const choice = await vscode.window.showInformationMessage(`Your planned ${minutes} minutes are up.`, end, more);
    if (choice === end) await this.run('endSession');
    if (choice === more) await this.store.apply((j) => updateRunning(j, sessionId, (s) => extendPlan(s, 10, this.clock())));
  }

  private async onGap(from: number, to: number): Promise<void> {
    const session = activeSession(this.store.journal);
    if (!session) return;
    const keep = 'Count it';
    const drop = "Don't count it";
    const choice = await vscode.window.showWarningMessage(
      `You were away for about ${spokenDuration(to - from)} (the machine seems to have slept). Does that time count as focus?`,
      keep,
      drop,
    );
    if (choice !== drop) return;
    await this.store.apply((j) => {
      const running = activeSession(j);
      return running?.id === session.id ? updateRunning(j, session.id, (s) => excludeAway(s, from, to)) : j;
    });
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
