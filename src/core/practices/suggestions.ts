import type { WinSource } from '../records/schema';
import { newId } from '../ids';
import { LIMITS } from '../limits';
import { clip } from '../text';
import { t } from '../l10n';

/** Where a suggested win came from, as the session menu says it. */
export function sourceLabel(source: Suggestion['source']): string {
  switch (source) {
    case 'test':
      return t('from a test task');
    case 'task':
      return t('from a build task');
    case 'commit':
      return t('from Git');
    case 'diagnostics':
      return t('from the Problems panel');
  }
}

/** A win the editor noticed; it is only logged when the user accepts it. */
export interface Suggestion {
  id: string;
  source: Exclude<WinSource, 'manual'>;
  text: string;
  at: number;
}

function suggestion(source: Suggestion['source'], text: string, at: number): Suggestion {
  // Task names and commit subjects have no bound of their own; a win's text has one.
  return { id: newId(), source, text: clip(text, LIMITS.text), at };
}

/** A test or build task that exits 0 after it failed earlier in the session is a mastery moment. */
export class TaskWatch {
  readonly #failing = new Set<string>();

  ended(task: { name: string; group: 'test' | 'build' }, exitCode: number, now: number): Suggestion | undefined {
    const key = `${task.group}:${task.name}`;
    if (exitCode !== 0) {
      this.#failing.add(key);
      return undefined;
    }
    if (!this.#failing.delete(key)) return undefined;
    return task.group === 'test'
      ? suggestion('test', t('Tests pass again: {0}', task.name), now)
      : suggestion('task', t('The build passes again: {0}', task.name), now);
  }
}

/**
 * The commits made in a session, read from a repository's reflog (`.git/logs/HEAD`), a file any
 * extension host can read, on the same machine as the repository or not (a remote window). One line
 * per move of HEAD: `<old> <new> <name> <<email>> <seconds> <zone>\t<what>: <subject>`. Only a commit
 * counts (a checkout, a reset or a rebase moves HEAD too; an amend changes one already counted), each
 * once. What a reflog holds when the session first reads it is not news (from before the session,
 * or suggested before a reload), but for a commit of the last seconds, made while the watch was being
 * set up; what it gains later is new, whatever the other machine's clock says.
 */
export class CommitWatch {
  readonly #seen = new Set<string>();
  /** The reflogs read once already (a workspace may hold several repositories). */
  readonly #read = new Set<string>();

  constructor(private readonly since: number) {}

  /** The reflog `source` (or its end), as it is now: a suggestion for each commit of the session not suggested yet. */
  read(source: string, reflog: string, now: number): Suggestion[] {
    const first = !this.#read.has(source);
    this.#read.add(source);
    const out: Suggestion[] = [];
    for (const line of reflog.split('\n')) {
      const commit = REFLOG_COMMIT.exec(line);
      if (!commit) continue;
      const [, hash, seconds, subject] = commit as unknown as [string, string, string, string];
      if (this.#seen.has(hash)) continue;
      this.#seen.add(hash);
      // Stamped in whole seconds: a commit in the second the session started may be of the session.
      if (first && (Number(seconds) + 1) * 1000 <= Math.max(this.since, now - JUST_NOW)) continue;
      const text = subject.trim();
      out.push(suggestion('commit', text ? t('Committed: {0}', text) : t('Made a commit'), now));
    }
    return out;
  }
}

/**
 * Where a worktree's or a submodule's repository is, from its `.git` file ("gitdir: <path>"): the
 * path with forward slashes, and whether it is absolute (else it is relative to the folder).
 */
export function gitDirOf(dotGitFile: string): { path: string; absolute: boolean } | undefined {
  const path = /^gitdir: (.+)$/m.exec(dotGitFile)?.[1]?.trim().replace(/\\/g, '/');
  if (!path) return undefined;
  return { path, absolute: path.startsWith('/') || /^[A-Za-z]:\//.test(path) };
}

/** How long before a reflog is first read a commit it holds still counts as made in the session. */
const JUST_NOW = 10_000;

/** A reflog line of a commit: its new hash, its time in seconds, its subject. */
const REFLOG_COMMIT = /^[0-9a-f]{40,64} ([0-9a-f]{40,64}) .*> (\d{1,12}) [+-]\d{4}\tcommit(?: \((?:initial|merge)\))?: ?(.*)$/;

/** Error counts of the files touched in the session falling to zero. */
export class DiagnosticsWatch {
  readonly #touched = new Set<string>();
  readonly #errors = new Map<string, number>();

  touch(file: string): void {
    this.#touched.add(file);
  }

  /** Reports the current error count of some files; suggests when the touched files' total reaches 0. */
  update(counts: ReadonlyMap<string, number>, now: number): Suggestion | undefined {
    const before = this.#total();
    for (const [file, count] of counts) this.#errors.set(file, count);
    const after = this.#total();
    if (before > 0 && after === 0) {
      return suggestion('diagnostics', this.#touched.size === 1 ? t('No errors left in the file you worked on') : t('No errors left in the files you worked on'), now);
    }
    return undefined;
  }

  #total(): number {
    let sum = 0;
    for (const file of this.#touched) sum += this.#errors.get(file) ?? 0;
    return sum;
  }
}
