import type { OwnEdit } from '../../core/superseded';
import { supersededEdits } from '../../core/superseded';
import type { Journal } from '../../core/schema';
import { t } from '../../core/l10n';

/** Enough for a day of corrections; older ones are no longer watched (a list that never grows). */
const WATCHED = 50;

/**
 * This window's saved changes, until another copy replaces or deletes one of them: then the dashboard
 * says so once, where the user reads their record (never as a notification). Kept in memory only: a
 * reload starts afresh, as "Saved" was said in the window that is gone.
 */
export class EditWatch {
  #edits: OwnEdit[] = [];

  /** A change saved here; a later change to the same record replaces the earlier one. */
  saved(edit: OwnEdit): void {
    this.#edits = [...this.#edits.filter((e) => e.id !== edit.id), edit].slice(-WATCHED);
  }

  /** Records this window deleted itself: their loss is no news to it. */
  deletedHere(ids: readonly string[]): void {
    const gone = new Set(ids);
    this.#edits = this.#edits.filter((e) => !gone.has(e.id) && !e.within.some((id) => gone.has(id)));
  }

  /** The sentences for the changes another copy undid since the last call, each said once. */
  undone(journal: Journal): string[] {
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
