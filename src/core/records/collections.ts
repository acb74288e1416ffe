/**
 * The names of the journal's collections, each an array of records with an `id` (schema.ts gives each
 * its schema). Apart from the schemas so that the sentences that name them (l10n.ts) need no schema.
 */
export const COLLECTION_NAMES = ['domains', 'sessions', 'cues', 'ratings', 'reflections', 'models', 'encouragements'] as const;

export type CollectionName = (typeof COLLECTION_NAMES)[number];
