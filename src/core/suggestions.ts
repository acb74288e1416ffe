import type { WinSource } from './schema';
import { newId } from './ids';
import { LIMITS } from './limits';
import { clip } from './text';
import { t } from './l10n';

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

/** A new commit on the session's repository. */
export class CommitWatch {
  #head: string | undefined;

  constructor(initialHead: string | undefined) {
    this.#head = initialHead;
  }

  headChanged(commit: string | undefined, message: string | undefined, now: number): Suggestion | undefined {
    const before = this.#head;
    this.#head = commit;
    if (!commit || !before || commit === before) return undefined;
    const subject = (message ?? '').split('\n')[0]?.trim();
    return suggestion('commit', subject ? t('Committed: {0}', subject) : t('Made a commit'), now);
  }
}

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
