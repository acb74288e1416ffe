import { archiveFileName, archiveMonth, isEmptyPart } from '../../core/archive';
import { mergeJournals } from '../../core/merge';
import { loadJournal } from '../../core/persisted';
import { emptyJournal } from '../../core/schema';
import type { Journal } from '../../core/schema';
import { newId } from '../../core/ids';
import { t } from '../../core/l10n';

/** The folder of archive files; VS Code's file system in the extension, memory or disk in tests. */
export interface ArchiveFiles {
  list(): Promise<string[]>;
  read(name: string): Promise<string>;
  /** Writes a whole file so that it appears complete or not at all. */
  write(name: string, text: string): Promise<void>;
  remove(name: string): Promise<void>;
}

/**
 * Closed history, one set of files per month (see core/archive.ts for what goes there). Files are
 * written once and never changed, so windows cannot overwrite each other's: two windows archiving at
 * once write two files, and the same record in two files merges like any two copies (core/merge.ts).
 * A closed month's files are merged into one now and then; only files that were read are deleted.
 */
export class Archive {
  /** The readable content of each file read so far. */
  readonly #files = new Map<string, Journal>();
  /** Files with a part that did not validate: kept as they are, never merged away. */
  readonly #damaged = new Set<string>();
  #merged: Journal | undefined = emptyJournal();
  #scanning: Promise<void> = Promise.resolve();
  #listFailed = false;

  readonly #folder: ArchiveFiles;
  readonly #report: (problem: string) => void;
  readonly #unique: () => string;

  constructor(
    folder: ArchiveFiles,
    report: (problem: string) => void,
    unique: () => string,
  ) {
    this.#folder = folder;
    this.#report = report;
    this.#unique = unique;
  }

  /** Writes each month's part as a new file; resolves once every file is written. */
  async add(parts: ReadonlyMap<string, Journal>): Promise<void> {
    for (const [month, part] of [...parts].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (isEmptyPart(part)) continue;
      const name = archiveFileName(month, this.#unique());
      await this.#folder.write(name, JSON.stringify(part));
      this.#remember(name, part);
    }
  }

  /** Everything archived, including files other windows wrote since the last look. */
  async journal(): Promise<Journal> {
    const scan = this.#scanning.then(() => this.#scan());
    // A failed look fails this call only; the next one looks again.
    this.#scanning = scan.catch(() => undefined);
    await scan;
    this.#merged ??= [...this.#files.values()].reduce(mergeJournals, emptyJournal());
    return this.#merged;
  }

  /** Merges the files of each month before `currentMonth` into one file, then deletes the ones merged. */
  async compact(currentMonth: string): Promise<void> {
    await this.journal();
    const byMonth = new Map<string, string[]>();
    for (const name of this.#files.keys()) {
      const month = archiveMonth(name);
      if (month === undefined || month >= currentMonth || this.#damaged.has(name)) continue;
      byMonth.set(month, [...(byMonth.get(month) ?? []), name]);
    }
    for (const [month, names] of byMonth) {
      if (names.length < 2) continue;
      const whole = names.map((n) => this.#files.get(n) ?? emptyJournal()).reduce(mergeJournals);
      const name = archiveFileName(month, this.#unique());
      await this.#folder.write(name, JSON.stringify(whole));
      this.#remember(name, whole);
      for (const old of names) {
        // Another window compacting the same month may have deleted it first; its content is safe here.
        await this.#folder.remove(old).catch(() => undefined);
        this.#forget(old);
      }
    }
  }

  async #scan(): Promise<void> {
    let listed: string[];
    try {
      listed = await this.#folder.list();
    } catch (error) {
      // The files already read still count; the next look tries again, and says so only once.
      if (!this.#listFailed) this.#report(t('Small Wins could not list its archive ({0}); the history shown may be incomplete.', String(error)));
      this.#listFailed = true;
      return;
    }
    this.#listFailed = false;
    const names = new Set(listed.filter((n) => archiveMonth(n) !== undefined));
    // A file another window merged away: its records are in the merged file, which is listed too.
    for (const known of this.#files.keys()) if (!names.has(known)) this.#forget(known);
    for (const name of [...names].sort()) {
      if (this.#files.has(name)) continue;
      this.#remember(name, await this.#readFile(name));
    }
  }

  async #readFile(name: string): Promise<Journal> {
    let raw: unknown;
    try {
      raw = JSON.parse(await this.#folder.read(name));
    } catch (error) {
      return this.#damage(name, error instanceof SyntaxError ? t('it is not valid JSON') : String(error));
    }
    const loaded = loadJournal(raw);
    if (loaded.rejected) this.#damage(name, loaded.rejected.problem);
    return loaded.journal;
  }

  #damage(name: string, problem: string): Journal {
    this.#damaged.add(name);
    this.#report(t('Small Wins could not read all of its archive file "{0}" ({1}). The file is kept as it is; everything else loaded.', name, problem));
    return emptyJournal();
  }

  #remember(name: string, part: Journal): void {
    this.#files.set(name, part);
    if (this.#merged) this.#merged = mergeJournals(this.#merged, part);
  }

  #forget(name: string): void {
    if (this.#files.delete(name)) this.#merged = undefined;
    this.#damaged.delete(name);
  }
}

/** "lq3k9z1c-5f0a2b7e": a time part, so a month's files sort by when they were written, and a random part. */
export function uniqueName(): string {
  return `${Date.now().toString(36)}-${newId().slice(0, 8)}`;
}
