import type { OwnEdit } from '../../core/records/superseded';
import { supersededEdits } from '../../core/records/superseded';
import type { Journal } from '../../core/records/schema';
import { t } from '../../core/l10n';
import type { Clock } from '../../core/clock';

/** Enough for a day of corrections; older ones are no longer watched (a list that never grows). */
const WATCHED = 50;
/**
 * How long a change is watched: another window's or a synced copy's change arrives within it, and the
 * check reads the whole history, so it stops once nothing is likely to come.
 */
const WATCH_MS = 60 * 60_000;

/**
 * This window's saved changes, until another copy replaces or deletes one of them: then the dashboard
 * says so once, where the user reads their record (never as a notification). Kept in memory only: a
 * reload starts afresh, as "Saved" was said in the window that is gone.
 */
export class EditWatch {
  #edits: (OwnEdit & { at: number })[] = [];
  readonly #clock: Clock;

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  /** A change saved here; a later change to the same record replaces the earlier one. */
  saved(edit: OwnEdit): void {
    this.#edits = [...this.#edits.filter((e) => e.id !== edit.id), { ...edit, at: this.#clock() }].slice(-WATCHED);
  }

  /** Records this window changed again or deleted itself (a reflection answered anew, a domain's models detached): no news to it. */
  changedHere(ids: readonly string[]): void {
    const gone = new Set(ids);
    this.#edits = this.#edits.filter((e) => !gone.has(e.id) && !e.within.some((id) => gone.has(id)));
  }

  /** The sentences for the changes another copy undid since the last call, each said once. */
  undone(journal: Journal): string[] {
    const since = this.#clock() - WATCH_MS;
    this.#edits = this.#edits.filter((e) => e.at >= since);
    const found = supersededEdits(this.#edits, journal);
    if (found.length === 0) return [];
    const reported = new Set(found.map((f) => f.edit));
    this.#edits = this.#edits.filter((e) => !reported.has(e));
    return found.map((f) =>
      f.how === 'replaced'
        ? t('Your change to {0} was replaced by a later change from another window or machine.', f.edit.label)
        : t('Another window or machine deleted {0}, which you had changed here.', f.edit.label),
    );
  }

  get watching(): number {
    return this.#edits.length;
  }
}
