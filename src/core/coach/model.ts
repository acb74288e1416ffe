import type { Journal, Model } from '../records/schema';
import { t } from '../l10n';
import { clip } from '../text';

/** A person the user recorded as a model, with the notes on how they work. */
export type DoubtModel = Pick<Model, 'id' | 'name' | 'workflowNotes'>;

/** What fits in a moment of doubt: the gist of the notes, not the whole page. */
const NOTES_LENGTH = 200;

const newest = (models: readonly Model[]) => models.reduce<Model | undefined>((best, m) => (!best || m.createdAt >= best.createdAt ? m : best), undefined);

/**
 * A vicarious model for a moment of doubt: the most recently recorded one of this domain, else the
 * most recent of any. Undefined when the user has recorded none.
 */
export function modelForDoubt(journal: Journal, domainId: string): DoubtModel | undefined {
  const chosen = newest(journal.models.filter((m) => m.domainId === domainId)) ?? newest(journal.models);
  return chosen && { id: chosen.id, name: chosen.name, workflowNotes: chosen.workflowNotes };
}

/**
 * "{name} got there by visible effort: {notes}". Recording someone as a model is the user's own
 * statement that they are a grinder, not a prodigy; the notes are the evidence, clipped to a line.
 */
export function modelSentence(model: Pick<Model, 'name' | 'workflowNotes'>): string {
  const notes = clip(model.workflowNotes, NOTES_LENGTH);
  return notes ? t('{0} got there by visible effort: {1}', model.name, notes) : t('{0} got there by visible effort.', model.name);
}
