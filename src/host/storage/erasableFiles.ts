import type { ArchiveFiles } from './archiveFiles';

/**
 * Files an erase could not delete are named in "erased.<unique>.json" beside the archive (names only,
 * no records): every read of the folder passes over them, and the next window start tries to delete
 * them again. The list goes once every file it names is gone.
 */
export const LEFTOVERS_NAME = /^erased\.[A-Za-z0-9-]{1,64}\.json$/;

/** A file an erase could not delete, and why. */
export interface Undeleted {
  name: string;
  error: unknown;
}

/**
 * The archive's folder as the archive uses it, so that "Delete all my data" erases it whole:
 * - every file written through it since the last erase this window knew of is remembered, so that
 *   when another window erased meanwhile (a compaction, a purge, a file set aside, an aggregate
 *   written from what was erased) `removeWritten` removes it, once the writes under way have landed;
 * - an erase goes on past a file it cannot delete, and such files are no longer listed.
 *
 * The remembered names are those of files this window wrote and has not removed itself: bounded by
 * what the user did in this window since it opened, not by time or reloads.
 */
export class ErasableFiles implements ArchiveFiles {
  readonly #folder: ArchiveFiles;
  readonly #unique: () => string;
  readonly #written = new Set<string>();
  readonly #writing = new Set<Promise<unknown>>();
  /** Files an erase could not delete, and the lists (joined names) they were read from. */
  #hidden = new Set<string>();
  #hiddenFrom = '';
  #retried = false;

  constructor(folder: ArchiveFiles, unique: () => string) {
    this.#folder = folder;
    this.#unique = unique;
  }

  async list(): Promise<string[]> {
    const listed = await this.#folder.list();
    const lists = listed.filter((name) => LEFTOVERS_NAME.test(name)).sort();
    if (lists.join('\n') !== this.#hiddenFrom) await this.#readLeftovers(lists);
    return listed.filter((name) => !LEFTOVERS_NAME.test(name) && !this.#hidden.has(name));
  }

  read(name: string): Promise<string> {
    return this.#folder.read(name);
  }

  write(name: string, text: string): Promise<void> {
    this.#written.add(name);
    const run = this.#folder.write(name, text);
    // A write that failed left nothing (ArchiveFiles.write): nothing to remove later.
    const settled = run.then(
      () => undefined,
      () => void this.#written.delete(name),
    );
    this.#writing.add(settled);
    void settled.finally(() => this.#writing.delete(settled));
    return run;
  }

  async remove(name: string): Promise<void> {
    await this.#folder.remove(name);
    this.#written.delete(name);
  }

  /** Resolves once every write under way (also one started meanwhile) has landed or failed. */
  async settled(): Promise<void> {
    while (this.#writing.size > 0) await Promise.all([...this.#writing]);
  }

  /**
   * Another window erased everything: the files written here since the last erase this window knew
   * of hold what was erased. Those the erase saw are gone already; the rest go now. Returns their names.
   */
  async removeWritten(): Promise<string[]> {
    await this.settled();
    const names = [...this.#written];
    this.#written.clear();
    for (const name of names) await this.#folder.remove(name).catch(() => undefined);
    return names;
  }

  /**
   * Deletes every file of the folder, going on past any it cannot delete; those are listed in a new
   * "erased.*.json" (so no window shows them again) and returned.
   */
  async eraseAll(): Promise<Undeleted[]> {
    await this.settled();
    this.#written.clear();
    const failed: Undeleted[] = [];
    for (const name of await this.#folder.list()) {
      await this.#folder.remove(name).catch((error: unknown) => failed.push({ name, error }));
    }
    const lists = failed.filter((f) => LEFTOVERS_NAME.test(f.name)).map((f) => f.name);
    const undeleted = failed.filter((f) => !LEFTOVERS_NAME.test(f.name));
    this.#hidden = new Set(undeleted.map((f) => f.name));
    this.#retried = true;
    if (undeleted.length > 0) {
      const name = `erased.${this.#unique()}.json`;
      // Not written: they stay hidden in this window, and the next erase tries them again.
      await this.#folder.write(name, leftoversText([...this.#hidden])).then(
        () => lists.push(name),
        () => undefined,
      );
    }
    this.#hiddenFrom = lists.sort().join('\n');
    return undeleted;
  }

  async #readLeftovers(lists: readonly string[]): Promise<void> {
    const hidden = new Set<string>();
    for (const list of lists) {
      const names = await this.#folder.read(list).then(parseLeftovers, () => undefined);
      // A list that cannot be read names nothing: what it named shows again, as before an erase.
      for (const name of names ?? []) hidden.add(name);
    }
    this.#hidden = hidden;
    this.#hiddenFrom = lists.join('\n');
    if (this.#retried || lists.length === 0) return;
    // Once per window start: the files that could not be deleted are tried again.
    this.#retried = true;
    const listed = new Set(await this.#folder.list());
    for (const name of hidden) {
      if (!listed.has(name) || (await this.#folder.remove(name).then(() => true, () => false))) hidden.delete(name);
    }
    if (hidden.size > 0) return;
    for (const list of lists) await this.#folder.remove(list).catch(() => undefined);
    this.#hiddenFrom = '';
  }
}

export function leftoversText(names: readonly string[]): string {
  return JSON.stringify({ names });
}

export function parseLeftovers(text: string): string[] | undefined {
  try {
    const stored = JSON.parse(text) as { names?: unknown };
    return Array.isArray(stored.names) && stored.names.every((n) => typeof n === 'string') ? stored.names : undefined;
  } catch {
    return undefined;
  }
}
