import * as vscode from 'vscode';
import { backedUpOn, backupInfo, backupName, backupsToRemove, listedBackups } from '../../core/records/backups';
import { redactRecords } from '../../core/records/redact';
import type { Journal } from '../../core/records/schema';
import type { BackupInfo } from '../../core/records/backups';
import { exportJournal } from '../../core/records/transfer';
import type { Clock } from '../../core/clock';
import type { JournalStore } from './journalStore';
import type { BackupShelf } from '../commands/backups';
import { localDate } from '../../core/time';
import { errorText } from '../../core/text';

/**
 * Daily backups without a journal folder: once a day, the whole record as an export file (the same
 * format *Import Data* reads) in a folder the user can see, the last few kept. A journal folder
 * already keeps the record on other machines, so then none are made.
 */
/** A look a few seconds after the day's first change is written (after the work, off its path); a day without a change has nothing new to keep, and no timer runs. */
const AFTER_CHANGE_MS = 5_000;

export class Backups implements BackupShelf {
  /** A problem is said once per window, not at every look. */
  #said = false;
  /** The day this window knows a backup was made: no look at the folder until the next. */
  #doneOn: string | undefined;

  constructor(
    private readonly o: { folder: vscode.Uri; store: JournalStore; clock: Clock; wanted: () => boolean; report: (problem: string) => void },
  ) {}

  /** Looks for today's backup after changes and now and then, and takes deleted records out of the backups, for as long as the window is open. */
  schedule(): vscode.Disposable {
    let soon: ReturnType<typeof setTimeout> | undefined;
    const written = this.o.store.onDidWrite((before, after) => {
      if (after.deleted !== before.deleted) void this.#redact(before, after);
      if (this.#doneOn === localDate(this.o.clock())) return;
      if (soon) clearTimeout(soon);
      soon = setTimeout(() => void this.daily(), AFTER_CHANGE_MS);
    });
    return new vscode.Disposable(() => {
      written.dispose();
      if (soon) clearTimeout(soon);
    });
  }

  /** Makes today's backup if there is none yet, and removes the oldest past the number kept. Never throws. */
  async daily(): Promise<void> {
    if (!this.o.wanted()) return;
    try {
      const names = await this.#names();
      const now = this.o.clock();
      if (backedUpOn(names, now)) {
        this.#doneOn = localDate(now);
        return;
      }
      const history = await this.o.store.history();
      // An empty record is not worth a file (a first start, or right after an erase).
      if (history.sessions.length === 0 && history.domains.length === 0) return;
      await vscode.workspace.fs.createDirectory(this.o.folder);
      const name = backupName(history, now);
      // Written beside its name and renamed, so a backup is whole or not there (a half-written one is never listed).
      const partial = vscode.Uri.joinPath(this.o.folder, `${name}.partial`);
      await vscode.workspace.fs.writeFile(partial, new TextEncoder().encode(exportJournal(history, now)));
      await vscode.workspace.fs.rename(partial, vscode.Uri.joinPath(this.o.folder, name), { overwrite: true });
      this.#doneOn = localDate(now);
      for (const old of backupsToRemove([...names, name])) await Promise.resolve(vscode.workspace.fs.delete(vscode.Uri.joinPath(this.o.folder, old))).catch(() => undefined);
    } catch (error) {
      this.#problem(error);
    }
  }

  /** Delete All My Data: the backups go too. */
  async erase(): Promise<void> {
    for (const name of await this.#names()) {
      if (backupInfo(name) || name.endsWith('.partial')) await Promise.resolve(vscode.workspace.fs.delete(vscode.Uri.joinPath(this.o.folder, name))).catch(() => undefined);
    }
    this.#doneOn = undefined;
  }

  /** A deletion reaches the backups too: each that holds a deleted record is rewritten without it. */
  async #redact(before: Journal, after: Journal): Promise<void> {
    const known = new Set(before.deleted.map((d) => d.id));
    const ids = new Set(after.deleted.filter((d) => d.into === undefined && !known.has(d.id)).map((d) => d.id));
    if (ids.size === 0) return;
    try {
      for (const backup of await this.list()) {
        const file = vscode.Uri.joinPath(this.o.folder, backup.name);
        const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
        const redacted = redactRecords(text, ids);
        if (redacted !== text) await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(redacted));
      }
    } catch (error) {
      this.#problem(error);
    }
  }

  #problem(error: unknown): void {
    if (!this.#said) this.o.report(errorText(error));
    this.#said = true;
  }

  /** Where the backups are, for the user to find them. */
  where(): string {
    return this.o.folder.fsPath;
  }

  /** The backups there are, newest first. */
  async list(): Promise<BackupInfo[]> {
    return listedBackups(await this.#names());
  }

  async read(name: string): Promise<string> {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.o.folder, name)));
  }

  async #names(): Promise<string[]> {
    try {
      return (await vscode.workspace.fs.readDirectory(this.o.folder)).filter(([, type]) => type === vscode.FileType.File).map(([name]) => name);
    } catch {
      return [];
    }
  }
}
