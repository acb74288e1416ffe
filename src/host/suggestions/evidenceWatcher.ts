import * as vscode from 'vscode';
import { CommitWatch, DiagnosticsWatch, TaskWatch } from '../../core/practices/suggestions';
import { activeSession } from '../../core/practices/session';
import type { Clock } from '../../core/clock';
import type { JournalStore } from '../storage/journalStore';
import type { Settings } from '../platform/settings';
import type { SuggestionBox } from './suggestionBox';
import { findReflogs } from './reflogs';

/** A reflog only grows; the commits of a session are at its end. */
const REFLOG_TAIL = 64 * 1024;

/**
 * Watches the editor for mastery evidence during a session: a test or build task passing after it
 * failed, a commit (read from the repository's reflog, which any extension host can read, also in a
 * remote window where Git runs on the other machine), and the errors of the files touched in the
 * session dropping to zero. Each source has a setting; it only ever suggests.
 */
export class EvidenceWatcher implements vscode.Disposable {
  readonly #disposables: vscode.Disposable[] = [];
  #sessionId: string | undefined;
  #tasks = new TaskWatch();
  #diagnostics = new DiagnosticsWatch();
  #commits = new CommitWatch(0);
  /** The session's reflog watchers: none while no session runs. */
  #reflogs: vscode.Disposable[] = [];

  readonly #store: JournalStore;
  readonly #box: SuggestionBox;
  readonly #clock: Clock;
  readonly #settings: () => Settings;

  constructor(
    store: JournalStore,
    box: SuggestionBox,
    clock: Clock,
    settings: () => Settings,
  ) {
    this.#store = store;
    this.#box = box;
    this.#clock = clock;
    this.#settings = settings;
    this.#disposables.push(
      store.onDidChange(() => this.#syncSession()),
      vscode.tasks.onDidEndTaskProcess((e) => this.#taskEnded(e)),
      vscode.workspace.onDidChangeTextDocument((e) => this.#running() && e.contentChanges.length && this.#diagnostics.touch(e.document.uri.toString())),
      vscode.languages.onDidChangeDiagnostics((e) => this.#diagnosticsChanged(e.uris)),
    );
    this.#disposables.push(vscode.workspace.onDidChangeWorkspaceFolders((e) => this.#running() && e.added.forEach((folder) => void this.#watchReflogs(folder.uri))));
    this.#syncSession();
  }

  #running(): boolean {
    return this.#sessionId !== undefined;
  }

  /** Each session starts with a clean slate: earlier failures and errors do not count. */
  #syncSession(): void {
    const id = activeSession(this.#store.live)?.id;
    if (id === this.#sessionId) return;
    this.#sessionId = id;
    this.#tasks = new TaskWatch();
    this.#diagnostics = new DiagnosticsWatch();
    this.#commits = new CommitWatch(activeSession(this.#store.live)?.startedAt ?? 0);
    for (const d of this.#reflogs.splice(0)) d.dispose();
    if (id !== undefined) for (const folder of vscode.workspace.workspaceFolders ?? []) void this.#watchReflogs(folder.uri);
    this.#box.clear();
  }

  #taskEnded(e: vscode.TaskProcessEndEvent): void {
    if (!this.#running() || !this.#settings().evidenceTasks || e.exitCode === undefined) return;
    const groupId = e.execution.task.group?.id;
    const group = groupId === vscode.TaskGroup.Test.id ? 'test' : groupId === vscode.TaskGroup.Build.id ? 'build' : undefined;
    if (!group) return;
    this.#box.add(this.#tasks.ended({ name: e.execution.task.name, group }, e.exitCode, this.#clock()));
  }

  #diagnosticsChanged(uris: readonly vscode.Uri[]): void {
    if (!this.#running() || !this.#settings().evidenceDiagnostics) return;
    const counts = new Map<string, number>();
    for (const uri of uris) {
      counts.set(uri.toString(), vscode.languages.getDiagnostics(uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length);
    }
    this.#box.add(this.#diagnostics.update(counts, this.#clock()));
  }

  /**
   * Each repository's reflog is watched on its own, not through a watcher of the whole folder: VS
   * Code serves those from its workspace watcher, which reports nothing inside `.git`.
   */
  async #watchReflogs(folder: vscode.Uri): Promise<void> {
    const session = this.#sessionId;
    const reflogs = await findReflogs(folder);
    if (session !== this.#sessionId) return;
    for (const reflog of reflogs) {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.joinPath(reflog, '..'), 'HEAD'));
      this.#reflogs.push(watcher, watcher.onDidChange((uri) => void this.#reflogChanged(uri)), watcher.onDidCreate((uri) => void this.#reflogChanged(uri)));
      // What it holds now: a commit made while the watcher was being set up is in it.
      void this.#reflogChanged(reflog);
    }
  }

  async #reflogChanged(uri: vscode.Uri): Promise<void> {
    if (!this.#running() || !this.#settings().evidenceCommits) return;
    const watch = this.#commits;
    // A reflog that cannot be read now (being written, or gone) brings nothing; the next change reads it again.
    const bytes = await Promise.resolve(vscode.workspace.fs.readFile(uri)).catch(() => undefined);
    if (!bytes || watch !== this.#commits) return;
    const tail = new TextDecoder().decode(bytes.subarray(Math.max(0, bytes.length - REFLOG_TAIL)));
    for (const suggestion of watch.read(uri.toString(), tail, this.#clock())) this.#box.add(suggestion);
  }

  dispose(): void {
    for (const d of [...this.#disposables, ...this.#reflogs]) d.dispose();
  }
}
