import * as vscode from 'vscode';
import { CommitWatch, DiagnosticsWatch, TaskWatch } from '../../core/suggestions';
import { activeSession } from '../../core/session';
import type { Clock } from '../../core/clock';
import type { JournalStore } from '../storage/journalStore';
import type { Settings } from '../platform/settings';
import type { SuggestionBox } from './suggestionBox';

interface GitRepository {
  state: { HEAD?: { commit?: string }; onDidChange: vscode.Event<void> };
  getCommit(ref: string): Promise<{ message: string }>;
}
interface GitApi {
  repositories: GitRepository[];
  onDidOpenRepository: vscode.Event<GitRepository>;
}

/**
 * Watches the editor for mastery evidence during a session: a test or build task passing after it
 * failed, a new commit (through the built-in Git extension, when present), and the errors of the files
 * touched in the session dropping to zero. Each source has a setting; it only ever suggests.
 */
export class EvidenceWatcher implements vscode.Disposable {
  readonly #disposables: vscode.Disposable[] = [];
  #sessionId: string | undefined;
  #tasks = new TaskWatch();
  #diagnostics = new DiagnosticsWatch();
  readonly #commits = new Map<GitRepository, CommitWatch>();

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
    this.#syncSession();
    void this.#watchGit();
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
    for (const [repo] of this.#commits) this.#commits.set(repo, new CommitWatch(repo.state.HEAD?.commit));
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

  /** Works without Git: when the built-in extension is missing or disabled, there is simply no commit source. */
  async #watchGit(): Promise<void> {
    const extension = vscode.extensions.getExtension<{ getAPI(version: 1): GitApi }>('vscode.git');
    if (!extension) return;
    try {
      const api = (extension.isActive ? extension.exports : await extension.activate()).getAPI(1);
      const watch = (repo: GitRepository) => {
        this.#commits.set(repo, new CommitWatch(repo.state.HEAD?.commit));
        this.#disposables.push(repo.state.onDidChange(() => void this.#headChanged(repo)));
      };
      api.repositories.forEach(watch);
      this.#disposables.push(api.onDidOpenRepository(watch));
    } catch {
      // Git is optional evidence; a broken Git extension must not break Small Wins.
    }
  }

  async #headChanged(repo: GitRepository): Promise<void> {
    const watch = this.#commits.get(repo);
    const head = repo.state.HEAD?.commit;
    if (!watch || !this.#running() || !this.#settings().evidenceCommits) {
      watch?.headChanged(head, undefined, this.#clock());
      return;
    }
    const message = head ? await repo.getCommit(head).then((c) => c.message, () => undefined) : undefined;
    this.#box.add(watch.headChanged(head, message, this.#clock()));
  }

  dispose(): void {
    for (const d of this.#disposables) d.dispose();
  }
}
