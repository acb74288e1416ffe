import * as vscode from 'vscode';
import { sharedFile } from './sharedFile';
import type { SharedValue } from './sharedFile';

/** Follow-up looks after a signal: another window's globalState write can arrive after its signal. */
const FOLLOW_UPS_MS = [250, 1000, 2500];

/**
 * Windows tell each other "the journal changed" through a small file in globalStorageUri that every
 * window watches. VS Code's file watcher delivers the event, so no window polls: with nothing
 * happening there is no timer at all, and only a few short follow-ups run after each signal.
 */
export class ChangeSignal implements vscode.Disposable {
  readonly #file: SharedValue;
  readonly #watcher: vscode.FileSystemWatcher;
  readonly #pending = new Set<ReturnType<typeof setTimeout>>();
  /** The signals under way, one after another. */
  #sending: Promise<void> = Promise.resolve();

  readonly #onSignal: () => void;

  constructor(folder: vscode.Uri, onSignal: () => void) {
    this.#onSignal = onSignal;
    this.#file = sharedFile(folder, 'journal-changed');
    this.#watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, 'journal-changed'));
    const handle = () => this.#received();
    this.#watcher.onDidChange(handle);
    this.#watcher.onDidCreate(handle);
  }

  /** Called after this window wrote the journal. */
  send(): void {
    const stamp = `${Date.now()} ${Math.random()}`;
    this.#sending = this.#sending.then(() => this.#file.write(stamp)).catch(() => undefined);
  }

  #received(): void {
    this.#onSignal();
    for (const handle of this.#pending) clearTimeout(handle);
    this.#pending.clear();
    for (const delay of FOLLOW_UPS_MS) {
      const handle = setTimeout(() => {
        this.#pending.delete(handle);
        this.#onSignal();
      }, delay);
      this.#pending.add(handle);
    }
  }

  dispose(): void {
    for (const handle of this.#pending) clearTimeout(handle);
    this.#pending.clear();
    this.#watcher.dispose();
  }
}
