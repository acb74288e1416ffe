import * as vscode from 'vscode';
import type { Clock } from '../../core/clock';
import { t } from '../../core/l10n';
import type { RecordLine } from '../../shared/protocol';
import type { Settings } from '../platform/settings';
import type { MementoLike } from '../platform/mementoLike';
import { awaySentence, JournalFolder } from './journalFolder';
import type { JournalStore } from './journalStore';
import { logFolderAt } from './logFolder';
import { syncWithGit } from './gitSync';
import type { GitSyncResult } from './gitSync';
import { SessionError } from '../../core/practices/session';
import { errorText } from '../../core/text';

/** Another device's lines are looked for at least this often, besides file events and window focus (a sync tool may write without events, a drive may come back). */
const LOOK_EVERY_MS = 5 * 60_000;
/** File events come in bursts while a sync tool writes; one read after the burst. */
const SETTLE_MS = 1_000;

/**
 * The journal folder as the setting names it: started, moved or stopped when the setting changes
 * (no reload), and read again when its files change, when the window gains focus, and now and then.
 */
export class JournalFolderService implements vscode.Disposable {
  #folder: JournalFolder | undefined;
  #where = '';
  #watcher: vscode.Disposable | undefined;
  #settle: ReturnType<typeof setTimeout> | undefined;
  readonly #disposables: vscode.Disposable[];

  constructor(
    private readonly o: {
      store: JournalStore;
      device: string;
      clock: Clock;
      memento: MementoLike;
      settings: () => Settings;
      changed: () => void;
      /**
       * Where the record is kept in files when the user chose no folder, if anywhere: on the server
       * a browser uses (code-server, Codespaces in a browser), whose globalState stays in each browser.
       */
      serverFolder: vscode.Uri | undefined;
    },
  ) {
    this.#disposables = [
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('smallWins.journalFolder') && void this.#follow()),
      vscode.window.onDidChangeWindowState((state) => state.focused && void this.catchUp()),
    ];
    void this.#follow();
  }

  /** Writes what waits and reads every device's new lines; nothing without a folder. */
  catchUp(): Promise<void> {
    return this.#folder?.catchUp() ?? Promise.resolve();
  }

  /** What the dashboard says of where the record lives: nothing while a folder the user chose works. */
  line(): RecordLine | undefined {
    const status = this.#folder?.status;
    if (status?.kind === 'away') return { kind: 'away', text: awaySentence(status.problem) };
    if (status?.kind === 'unreadable') return { kind: 'note', text: t('{0} lines in your journal folder could not be read (damaged, or written by a newer Small Wins); everything else was merged.', status.lines) };
    if (status?.kind === 'erased') return { kind: 'note', text: t('All Small Wins data was deleted on another machine that uses your journal folder, so it was deleted here too.') };
    if (status?.kind === 'brought') {
      return { kind: 'note', text: this.chosen() === undefined ? t("This browser's record is now kept on the server too, so every browser that opens it sees one journal.") : t("This machine's record is now in your journal folder too.") };
    }
    return this.chosen() === undefined ? { kind: 'machine' } : undefined;
  }

  /** The folder the user chose, if any. */
  chosen(): string | undefined {
    return this.o.settings().journalFolder || undefined;
  }

  /**
   * After Delete All My Data: with `everywhere` (or in the server's own folder, which is this
   * machine's), every device's files go and the others erase theirs; otherwise nothing of this
   * machine's is written there any more. The problem, if the folder cannot be reached.
   */
  async erase(everywhere: boolean): Promise<string | undefined> {
    const folder = this.#folder;
    if (!folder) return undefined;
    try {
      await (everywhere || this.chosen() === undefined ? folder.eraseEverywhere() : folder.erasedHere());
      return undefined;
    } catch (error) {
      return errorText(error);
    }
  }

  /** Commits this device's files in the folder's git repository, pulls with rebase and pushes, then reads what came. */
  async syncWithGit(): Promise<GitSyncResult> {
    const chosen = this.chosen();
    if (!chosen || !this.#folder) throw new SessionError(t('Choose a journal folder first (Small Wins: Choose Journal Folder).'));
    await this.#folder.idle();
    const result = await syncWithGit(chosen, this.o.device);
    await this.catchUp();
    return result;
  }

  /** Starts, moves or stops the folder as the setting says, and waits for its catch-up. */
  async #follow(): Promise<void> {
    const chosen = this.o.settings().journalFolder;
    const root = chosen ? vscode.Uri.file(chosen) : this.o.serverFolder;
    const where = chosen || (root?.toString() ?? '');
    if (where === this.#where) return this.catchUp();
    this.#stop();
    this.#where = where;
    if (root) {
      this.#folder = new JournalFolder({ folder: logFolderAt(root), where, store: this.o.store, device: this.o.device, clock: this.o.clock, memento: this.o.memento, changed: () => this.o.changed() });
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(root, '*/*.jsonl'));
      const soon = () => {
        if (this.#settle) clearTimeout(this.#settle);
        this.#settle = setTimeout(() => void this.catchUp(), SETTLE_MS);
      };
      // Only while there is a folder: without one, no timer runs at all.
      const look = setInterval(() => void this.catchUp(), LOOK_EVERY_MS);
      this.#watcher = vscode.Disposable.from(watcher, watcher.onDidCreate(soon), watcher.onDidChange(soon), { dispose: () => clearInterval(look) });
    }
    // The server's own folder is made when missing; a folder the user chose that is missing is away (an unmounted drive).
    if (root && !chosen) await Promise.resolve(vscode.workspace.fs.createDirectory(root)).catch(() => undefined);
    this.o.changed();
    await this.catchUp();
  }

  /** Keeps the record in this folder from now on (the setting, for this machine) and waits for the first read and write there; the problem, if it cannot be reached. */
  async keepIn(folder: string): Promise<string | undefined> {
    await vscode.workspace.getConfiguration('smallWins').update('journalFolder', folder, vscode.ConfigurationTarget.Global);
    await this.#follow();
    const status = this.#folder?.status;
    return status?.kind === 'away' ? status.problem : undefined;
  }

  #stop(): void {
    this.#folder?.dispose();
    this.#folder = undefined;
    this.#watcher?.dispose();
    this.#watcher = undefined;
    if (this.#settle) clearTimeout(this.#settle);
  }

  dispose(): void {
    this.#stop();
    for (const d of this.#disposables) d.dispose();
  }
}
