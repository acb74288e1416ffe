import * as vscode from 'vscode';
import type { Clock } from '../../core/clock';
import { activeSession, isPaused, remainingMs } from '../../core/practices/session';
import { AwayWatcher } from './awayWatcher';
import type { SharedValue } from '../storage/sharedFile';
import { claimPlannedEnd } from '../actions/plannedEnd';
import { extendPlannedTime } from '../actions/inSession';
import { askAboutAwayTime } from '../commands/away';
import type { Services } from '../services';
import { newId } from '../../core/ids';
import type { JournalStore } from '../storage/journalStore';
import { SessionStatusBar } from './statusBar';
import { SessionTicker, realTimers } from './sessionTicker';
import type { Settings } from '../platform/settings';
import type { CommandName } from '../commands/commandIds';
import { listOf, t } from '../../core/l10n';
import { duePrompts } from '../../core/coach/due';
import { historyView, recentSince } from '../storage/views';
import { dayStart } from '../../core/time';
import type { Journal } from '../../core/records/schema';
import { domainLabel } from '../../core/records/journal';

/** Long enough for every window's claim to reach the others (VS Code propagates state in well under 1 s). */
const CLAIM_SETTLE_MS = 1500;
/** How long a win's acknowledgment shows in the status bar. */
const FLASH_MS = 4000;

/**
 * Keeps the status bar in step with the journal: re-renders on every change, ticks while a session
 * runs, notices sleep gaps and announces the planned end once.
 */
export class SessionController implements vscode.Disposable {
  readonly #statusBar = new SessionStatusBar();
  readonly #ticker: SessionTicker;
  /** Plans this window has claimed the announcement of (session id and planned minutes). */
  readonly #claimed = new Set<string>();
  readonly #windowId = newId();
  #flash: { text: string; until: number } | undefined;
  /** Sessions whose one unsolicited question (away time) has been asked. */
  readonly #askedAway = new Set<string>();
  #due: string[] = [];
  /** What the due prompts were last read for (see dueKey). */
  #dueKey: string | undefined;
  /** Waits for the other windows' claims before the winner announces. */
  #settleTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #disposables: vscode.Disposable[] = [];

  readonly #store: JournalStore;
  readonly #clock: Clock;
  readonly #settings: () => Settings;
  readonly #run: (command: CommandName) => Promise<void>;
  readonly #services: Services;

  constructor(services: Services, activity: SharedValue) {
    const { store, clock } = services;
    this.#store = store;
    this.#clock = clock;
    this.#settings = services.settings;
    this.#run = services.run;
    this.#services = services;
    this.#ticker = new SessionTicker(
      clock,
      realTimers,
      () => this.#onTick(),
      (from, to) => this.#askAway(from, to, 'sleep'),
      () => this.#settings().sleepThresholdMinutes * 60_000,
    );
    const away = new AwayWatcher(activity, clock, this.#windowId, () => this.#settings().awayThresholdMinutes * 60_000, (from, to) => this.#askAway(from, to, 'away'));
    this.#disposables.push(
      this.#statusBar,
      this.#ticker,
      store.onDidChange(() => {
        this.render();
        void this.#refreshDue().catch(() => undefined);
      }),
      services.suggestions.onDidChange(() => this.render()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('smallWins') && this.render()),
      // Another window may have started or ended a session: look again when this one gains focus.
      vscode.window.onDidChangeWindowState((state) => {
        if (state.focused) this.#store.refresh();
        void away.focusChanged(state.focused).catch(() => undefined);
      }),
    );
    this.render();
    void this.#refreshDue().catch(() => undefined);
  }

  render(): void {
    const now = this.#clock();
    const flash = this.#flash && now < this.#flash.until ? this.#flash.text : undefined;
    const running = this.#statusBar.render(this.#store.live, now, {
      showDomain: this.#settings().showDomainInStatusBar,
      suggestions: this.#services.suggestions.list().length,
      due: this.#due,
      ...(flash ? { flash } : {}),
    });
    this.#ticker.setRunning(running);
  }

  /**
   * Sleep or no window active: asked once, in one click, whether the time counts. The budget holds at
   * one such unsolicited question per session; later gaps in the same session count as focus.
   */
  #askAway(from: number, to: number, reason: 'sleep' | 'away'): void {
    const session = activeSession(this.#store.live);
    if (!session || isPaused(session) || this.#askedAway.has(session.id)) return;
    this.#askedAway.add(session.id);
    void askAboutAwayTime(this.#services, Math.max(from, session.startedAt), to, reason);
  }

  /** A few words in place of the win count until a tick after FLASH_MS; the running ticker ends it. */
  flash(text: string): void {
    this.#flash = { text, until: this.#clock() + FLASH_MS };
    this.render();
  }

  /**
   * Due prompts live in the tooltip (and the dashboard). They are read from the same view of the
   * history the dashboard uses (every rating, the recent sessions), and only when what
   * they depend on changed: logging a win, the common write, leaves them as they are.
   */
  async #refreshDue(): Promise<void> {
    const journal = this.#store.live;
    const now = this.#clock();
    const key = dueKey(journal, now, this.#settings().reassessmentIntervalDays);
    if (key === this.#dueKey) return;
    const view = await historyView(this.#store, now, { since: recentSince(now) });
    const due = duePrompts(view.records, now, this.#settings().reassessmentIntervalDays);
    this.#dueKey = key;
    const lines = [
      ...(due.reflection ? [t('Your weekly reflection is due.')] : []),
      ...(due.reassess.length ? [t('Time to reassess: {0}.', listOf(due.reassess.map((id) => domainLabel(journal, id))))] : []),
    ];
    if (lines.join('\n') === this.#due.join('\n')) return;
    this.#due = lines;
    this.render();
  }

  #onTick(): void {
    this.#store.refresh();
    this.render();
    this.#checkPlannedEnd();
  }

  /**
   * At the planned end, every window running the session claims the announcement in the journal;
   * the claims merge to one winner (see core/records/merge.ts), and after the claims have had time to meet,
   * only the winning window shows the notification.
   */
  #checkPlannedEnd(): void {
    const session = activeSession(this.#store.live);
    if (!session || session.plannedMinutes === undefined) return;
    const remaining = remainingMs(session, this.#clock());
    const key = `${session.id}:${session.plannedMinutes}`;
    if (remaining === undefined || remaining > 0 || this.#claimed.has(key)) return;
    if (session.announced?.plannedMinutes === session.plannedMinutes && session.announced.by !== this.#windowId) return;
    this.#claimed.add(key);
    const minutes = session.plannedMinutes;
    void claimPlannedEnd(this.#services, { sessionId: session.id, plannedMinutes: minutes, windowId: this.#windowId }).catch(() => undefined);
    this.#settleTimer = setTimeout(() => {
      this.#settleTimer = undefined;
      this.#store.refresh();
      const now = activeSession(this.#store.live);
      if (now?.id === session.id && now.announced?.by === this.#windowId && now.announced.plannedMinutes === minutes) {
        void this.#announceEnd(session.id, minutes);
      }
    }, CLAIM_SETTLE_MS);
  }

  async #announceEnd(sessionId: string, minutes: number): Promise<void> {
    const end = t('End & review');
    const more = t('+10 min');
    const choice = await this.#services.ui.info(t('Your planned {0} minutes are up.', minutes), end, more);
    if (choice === end) await this.#run('endSession');
    if (choice === more) await extendPlannedTime(this.#services, { sessionId, minutes: 10 });
  }

  dispose(): void {
    if (this.#settleTimer) clearTimeout(this.#settleTimer);
    for (const d of this.#disposables) d.dispose();
  }
}

/**
 * What the due prompts depend on in the live journal, and the day: sessions starting and ending,
 * ratings, reflections and domains, not wins or pauses.
 */
function dueKey(journal: Journal, now: number, reassessDays: number): string {
  return JSON.stringify([
    dayStart(now),
    reassessDays,
    journal.sessions.map((s) => [s.id, s.endedAt]),
    journal.ratings.map((r) => [r.id, r.ed]),
    journal.reflections.map((r) => [r.id, r.ed]),
    journal.domains.map((d) => [d.id, d.archivedAt]),
  ]);
}
