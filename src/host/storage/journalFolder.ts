import { changesBetween, compactLog, inLines, isLogFile, isMonthFile, logFileName, logLine, readLogBytes, recordByMonth } from '../../core/records/journalLog';
import { monthOf } from '../../core/records/archive';
import { mergeJournals, mergeSessions, survivor, uniteJournals } from '../../core/records/merge';
import { nextStamp } from '../../core/records/stamp';
import { newId } from '../../core/ids';
import { emptyJournal } from '../../core/records/schema';
import type { Journal, Session } from '../../core/records/schema';
import type { Clock } from '../../core/clock';
import { t } from '../../core/l10n';
import type { DisposableLike, MementoLike } from '../platform/mementoLike';
import type { JournalStore } from './journalStore';
import type { ChangeOrigin } from './journalWriter';
import type { LogFile, LogFolder } from './logFolder';
import { storedState } from './journalFolderState';
import type { Persisted } from './journalFolderState';
import { FOLDER_STATE_KEY } from './storedCopies';
import { errorText } from '../../core/text';

export { FOLDER_STATE_KEY };

/** The file an erase everywhere leaves in its device's folder. */
const ERASE_FILE = 'erase.jsonl';
/** Erase marks remembered: a few are all the folder ever holds at once. */
const MARKS_KEPT = 20;

const baseName = (file: string): string => file.slice(file.indexOf('/') + 1);

/** The id of an erase mark line, if it is one. */
function eraseMarkId(line: string): string | undefined {
  try {
    const mark = JSON.parse(line) as { erase?: unknown; id?: unknown };
    return mark.erase === 1 && typeof mark.id === 'string' && mark.id.length <= 64 ? mark.id : undefined;
  } catch {
    return undefined;
  }
}

/** Past this, lines waiting for an absent folder are dropped and the whole record is written when it is back (the journal holds them all). */
const MAX_PENDING_CHARS = 4 * 1024 * 1024;

/** What the dashboard says of the folder: nothing while all is well. */
export type FolderStatus = { kind: 'ok' } | { kind: 'away'; problem: string } | { kind: 'unreadable'; lines: number } | { kind: 'erased' } | { kind: 'brought' };

/**
 * The journal folder: every change this window writes is appended to this device's file of the
 * month, and every other device's new lines are merged in, with the same per-record rules windows
 * use (core/records/journalLog.ts). Only whole lines are read, each file from where the last read stopped,
 * so a month another device adds to costs that month's new lines, not the history before it. When the
 * folder cannot be reached, Small Wins goes on with the journal on this machine, says so once, keeps
 * the lines to write, and catches up when it is back.
 */
export class JournalFolder implements DisposableLike {
  #queue: Promise<unknown> = Promise.resolve();
  #status: FolderStatus = { kind: 'ok' };
  /** A folder the setting no longer names: what is still queued here saves nothing (the next folder's state is its own). */
  #disposed = false;
  readonly #subscription: DisposableLike;

  constructor(
    private readonly o: {
      folder: LogFolder;
      /** Names the folder in this machine's state (its path). */
      where: string;
      store: JournalStore;
      device: string;
      clock: Clock;
      memento: MementoLike;
      /** The status changed: the dashboard shows it. */
      changed: (status: FolderStatus) => void;
    },
  ) {
    this.#subscription = o.store.onDidWrite((before, after, origin) => this.#written(before, after, origin));
  }

  get status(): FolderStatus {
    return this.#status;
  }

  /** Writes this machine's whole record the first time, then what waits, then reads every device's new lines. */
  catchUp(): Promise<void> {
    return this.#serial(async () => {
      try {
        // An erase made everywhere comes first: nothing this machine still holds goes back into the folder.
        const files = await this.o.folder.list();
        if (await this.#followErase(files)) return;
        await this.#seed();
        await this.#flush();
        await this.#readOthers(files);
        await this.#compactOwn(files);
        if (this.#status.kind === 'away') this.#set({ kind: 'ok' });
      } catch (error) {
        this.#away(error);
      }
    });
  }

  dispose(): void {
    this.#disposed = true;
    this.#subscription.dispose();
  }

  /** Resolves when what this window has given the folder so far is written (or kept to write). */
  idle(): Promise<void> {
    return this.#serial(() => Promise.resolve());
  }

  /**
   * Delete All My Data, everywhere: every device's files in the folder go, and a mark is left that
   * makes every other device delete its own journal when it next reads the folder.
   */
  eraseEverywhere(): Promise<void> {
    return this.#serial(async () => {
      const files = await this.o.folder.list();
      await this.o.folder.remove(files.filter((f) => isLogFile(baseName(f.path)) || baseName(f.path) === ERASE_FILE).map((f) => f.path));
      const mark = { erase: 1, at: this.o.clock(), id: newId() };
      await this.o.folder.append(`${this.o.device}/${ERASE_FILE}`, `${JSON.stringify(mark)}\n`);
      const state = this.#state();
      await this.#save({ ...state, read: {}, heads: {}, pending: [], running: [], compacted: {}, erased: [...state.erased, mark.id].slice(-MARKS_KEPT) });
    });
  }

  /** Delete All My Data on this machine only: what waited to be written goes; what was read stays read, so it does not come back. */
  erasedHere(): Promise<void> {
    return this.#serial(() => this.#save({ ...this.#state(), pending: [] }));
  }

  /**
   * Another device erased everything everywhere: this machine's journal is erased too, once per mark.
   * What the folder held when the mark was followed is not read afterwards (a sync tool or git may
   * bring the deletions later than the mark); files written anew are. A machine that starts using
   * the folder takes the marks already there as followed: they are about records from before it came.
   */
  async #followErase(files: readonly LogFile[]): Promise<boolean> {
    const state = this.#state();
    const fresh: string[] = [];
    for (const file of files) {
      if (baseName(file.path) !== ERASE_FILE) continue;
      const text = new TextDecoder().decode(await this.o.folder.read(file.path));
      for (const line of text.split('\n')) {
        const id = eraseMarkId(line);
        if (id !== undefined && !state.erased.includes(id)) fresh.push(id);
      }
    }
    if (fresh.length === 0) return false;
    const erased = [...state.erased, ...fresh].slice(-MARKS_KEPT);
    if (!state.seeded) {
      await this.#save({ ...state, erased });
      return false;
    }
    await this.o.store.erase();
    const read: Record<string, number> = {};
    const heads: Record<string, string> = {};
    for (const file of files) {
      if (!isLogFile(baseName(file.path))) continue;
      read[file.path] = file.size;
      heads[file.path] = headOf(await this.o.folder.read(file.path));
    }
    await this.#save({ ...this.#state(), read, heads, pending: [], running: [], compacted: {}, erased });
    this.#set({ kind: 'erased' });
    return true;
  }

  #written(before: Journal, after: Journal, origin: ChangeOrigin): void {
    const change = origin === 'folder' ? this.#foldedHere(before, after) : changesBetween(before, after);
    if (!change) return;
    const now = this.o.clock();
    const line = logLine(change, nextStamp(undefined, { now, writer: this.o.device }));
    const file = this.#ownFile(now);
    // A deletion: the deleted text leaves this device's past files at the next compaction.
    const deletion = change.deleted.some((d) => d.into === undefined);
    void this.#serial(async () => {
      if (deletion) await this.#save({ ...this.#state(), compacted: {} });
      // Written at once when nothing waits (no globalState write: each one stores the window's whole copy of it); kept to write when the folder is away.
      const state = this.#state();
      if (state.seeded && state.pending.length === 0) {
        try {
          await this.o.folder.append(file, line);
          return;
        } catch (error) {
          this.#away(error);
        }
      }
      await this.#save({ ...state, pending: [...state.pending, { file, line }] });
      if (state.seeded && state.pending.length > 0) await this.#flush().catch((error: unknown) => this.#away(error));
    });
  }

  /**
   * What the folder brought is in other devices' files already; what merging it did here is not: two
   * sessions running at once (one seen while its device's file was still arriving) or two domains of
   * one name are folded into one by a merge tombstone, which goes to this device's file, so every
   * device folds them the same way whatever order it read the files in.
   */
  #foldedHere(before: Journal, after: Journal): Journal | undefined {
    // Reading several files merges them too, and may fold there: every fold new here is written (a second copy of a tombstone costs a line).
    const known = new Set(before.deleted.map((d) => d.id));
    const folded = after.deleted.filter((d) => d.into !== undefined && !known.has(d.id));
    return folded.length > 0 ? { ...emptyJournal(), deleted: folded } : undefined;
  }

  /** This machine's whole record, once per folder: on a second machine it joins what is there. */
  async #seed(): Promise<void> {
    const state = this.#state();
    if (state.seeded) return;
    const history = await this.o.store.history();
    const now = this.o.clock();
    const stamp = nextStamp(undefined, { now, writer: this.o.device });
    const months = recordByMonth(history, now);
    for (const [month, part] of months) await this.o.folder.append(`${this.o.device}/${logFileName(month)}`, inLines(part).map((line) => logLine(line, stamp)).join(''));
    // The whole record is written in the fewest lines already: nothing to compact until a file changes.
    const compacted = { ...state.compacted };
    const written = new Set([...months.keys()].map((month) => `${this.o.device}/${logFileName(month)}`));
    for (const file of months.size > 0 ? await this.o.folder.list() : []) if (written.has(file.path)) compacted[file.path] = file.size;
    // What waited is in the whole record just written.
    await this.#save({ ...this.#state(), seeded: true, pending: [], compacted });
    // Said once, where the record is read: the record found here now lives in the folder too.
    if (months.size > 0) this.#set({ kind: 'brought' });
  }

  async #flush(): Promise<void> {
    const state = this.#state();
    if (!state.seeded || state.pending.length === 0) return;
    let written = 0;
    try {
      for (const next of state.pending) {
        await this.o.folder.append(next.file, next.line);
        written++;
      }
    } finally {
      // Saved once for the batch: what was written goes, the rest waits (a line written twice merges the same).
      if (written > 0) {
        const now = this.#state();
        await this.#save({ ...now, pending: now.pending.slice(written) });
      }
    }
  }

  async #readOthers(files: LogFile[]): Promise<void> {
    const state = this.#state();
    let batch: Journal | undefined;
    const read = { ...state.read };
    const heads = { ...state.heads };
    let unreadable = 0;
    for (const file of files.sort((a, b) => (a.path < b.path ? -1 : 1))) {
      const [dir, name] = file.path.split('/');
      if (name === undefined || !isLogFile(name)) continue;
      // This device's own month files hold what it wrote; a sync tool's copy of one is read as more input.
      if (dir === this.o.device && isMonthFile(name)) continue;
      let from = read[file.path] ?? 0;
      if (file.size === from) continue;
      const bytes = await this.o.folder.read(file.path);
      const head = headOf(bytes);
      // Shorter than what was read, or begun otherwise: replaced (recreated, restored, compacted by its device); read again, merging is idempotent.
      if (bytes.length < from || (heads[file.path] !== undefined && heads[file.path] !== head)) from = 0;
      heads[file.path] = head;
      const found = readLogBytes(bytes.subarray(from));
      read[file.path] = from + found.consumed;
      unreadable += found.skipped;
      if (found.part) batch = batch ? uniteJournals(batch, found.part) : found.part;
    }
    // Lines arrive in any order (a merge tombstone before the session it names): each is checked on
    // its own (core/records/journalLog.ts), and the merged journal is checked before it is stored. When it
    // cannot be stored, nothing counts as read, and the next look tries again.
    const { ended, running } = batch ? this.#heldBack(batch, state.running) : { ended: undefined, running: state.running };
    const incoming = ended && (await this.#withSurvivors(ended));
    // A deletion made elsewhere: the deleted text leaves this device's past files too, at the next compaction.
    const known = new Set(this.o.store.live.deleted.map((d) => d.id));
    const deletion = incoming?.deleted.some((d) => d.into === undefined && !known.has(d.id)) ?? false;
    if (incoming) await this.o.store.apply((live) => mergeJournals(live, incoming), 'folder');
    // Nothing new (a look at every focus change): nothing is written.
    if (batch || !sameOffsets(read, state.read)) await this.#save({ ...this.#state(), read, heads, running, ...(deletion ? { compacted: {} } : {}) });
    if (unreadable > 0) this.#set({ kind: 'unreadable', lines: unreadable });
  }

  /**
   * Another device's session comes in once it has ended: while it runs there, its lines are kept
   * aside here (globalState). Seen running through a file still arriving, it would be folded into a
   * session running here as if two windows had started one, which is not what happened.
   */
  #heldBack(batch: Journal, held: readonly Session[]): { ended: Journal; running: Session[] } {
    const live = new Set(this.o.store.live.sessions.map((s) => s.id));
    const waiting = new Map(held.map((s) => [s.id, s]));
    const sessions: Session[] = [];
    for (const session of batch.sessions) {
      const before = waiting.get(session.id);
      const merged = before ? mergeSessions(before, session) : session;
      if (merged.endedAt !== undefined || live.has(session.id)) {
        waiting.delete(session.id);
        sessions.push(merged);
      } else waiting.set(session.id, merged);
    }
    // A session deleted or folded elsewhere meanwhile waits no more.
    const gone = new Set(batch.deleted.map((d) => d.id));
    return { ended: { ...batch, sessions }, running: [...waiting.values()].filter((s) => !gone.has(s.id)) };
  }

  /**
   * A session folded into one that has left the live journal here (ended and archived) is folded
   * there: that session comes back from the archive for the merge, and goes back with what was
   * folded into it, like an edit of an archived record.
   */
  async #withSurvivors(incoming: Journal): Promise<Journal> {
    const live = this.o.store.live;
    if (!incoming.deleted.some((d) => d.into !== undefined) && !live.deleted.some((d) => d.into !== undefined)) return incoming;
    const tombstones = new Map([...live.deleted, ...incoming.deleted].map((d) => [d.id, d]));
    const held = new Set([...live.sessions, ...incoming.sessions].map((s) => s.id));
    const wanted = new Set<string>();
    for (const session of [...live.sessions, ...incoming.sessions]) {
      const into = survivor(session.id, tombstones);
      if (into !== session.id && !held.has(into)) wanted.add(into);
    }
    if (wanted.size === 0) return incoming;
    const archived = (await this.o.store.history()).sessions.filter((s) => wanted.has(s.id));
    return archived.length > 0 ? { ...incoming, sessions: [...incoming.sessions, ...archived] } : incoming;
  }

  /**
   * Each device compacts only its own files, once a month is over (it is appended to no more), and
   * again after a deletion: the file is replaced at once by one holding the same record in fewer
   * lines, without what was deleted. Another device sees a file that begins otherwise and reads it
   * again from its start, which merges to the same journal.
   */
  async #compactOwn(files: readonly LogFile[]): Promise<void> {
    const state = this.#state();
    const current = this.#ownFile(this.o.clock());
    const touched: Record<string, number> = {};
    for (const file of files) {
      const [dir, name] = file.path.split('/');
      if (dir !== this.o.device || name === undefined || !isMonthFile(name) || file.path >= current || state.compacted[file.path] === file.size) continue;
      try {
        const bytes = await this.o.folder.read(file.path);
        const text = compactLog(bytes, this.o.store.live.deleted, nextStamp(undefined, { now: this.o.clock(), writer: this.o.device }));
        // Another window of this machine may have added a line meanwhile (what waited while the folder was away): then not now.
        if (text !== undefined && (await this.o.folder.read(file.path)).length !== bytes.length) continue;
        if (text !== undefined) await this.o.folder.replace(file.path, text);
        touched[file.path] = text === undefined ? bytes.length : new TextEncoder().encode(text).length;
      } catch {
        // Tidying only: a file held open (a sync tool, a virus scanner) is looked at again next time; the folder itself is fine.
      }
    }
    // Only what was looked at now: another window may have asked for a new look at the rest (a deletion) meanwhile.
    if (Object.keys(touched).length > 0) await this.#save({ ...this.#state(), compacted: { ...this.#state().compacted, ...touched } });
  }

  #ownFile(now: number): string {
    return `${this.o.device}/${logFileName(monthOf(now))}`;
  }

  #state(): Persisted {
    return storedState(this.o.memento.get(FOLDER_STATE_KEY), this.o.where);
  }

  async #save(state: Persisted): Promise<void> {
    if (this.#disposed) return;
    const size = state.pending.reduce((n, p) => n + p.line.length, 0);
    // The journal holds every change waiting here: past the bound, the whole record is written again instead.
    const kept = size > MAX_PENDING_CHARS ? { ...state, seeded: false, pending: [] } : state;
    await this.o.memento.update(FOLDER_STATE_KEY, kept);
  }

  #away(error: unknown): void {
    this.#set({ kind: 'away', problem: errorText(error) });
  }

  #set(status: FolderStatus): void {
    if (status.kind === this.#status.kind && JSON.stringify(status) === JSON.stringify(this.#status)) return;
    this.#status = status;
    this.o.changed(status);
  }

  #serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(work);
    this.#queue = run.catch(() => undefined);
    return run;
  }
}

/** A file's first bytes, as text: each write's first line starts with its own edit stamp. */
function headOf(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes.subarray(0, 64));
}

function sameOffsets(a: Record<string, number>, b: Record<string, number>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/** The dashboard's line for a folder that cannot be reached now. */
export function awaySentence(problem: string): string {
  return t('Your journal folder cannot be reached ({0}). Small Wins keeps your record on this machine and catches up when it is back.', problem);
}
