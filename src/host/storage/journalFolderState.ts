import { sessionSchema } from '../../core/records/schema';
import type { Session } from '../../core/records/schema';

/** What a machine keeps in globalState about the journal folder it uses (journalFolder.ts). */
export interface Persisted {
  /** The folder this state is about: another folder starts afresh. */
  folder: string;
  /** This machine's whole record was written there once. */
  seeded: boolean;
  /** Bytes of whole lines read, per file. */
  read: Record<string, number>;
  /** How each file began when it was read: one that begins otherwise now was replaced (recreated after an erase, restored), and is read from its start. */
  heads: Record<string, string>;
  /** Lines for this device's files that could not be written yet (the folder was away), in order. */
  pending: { file: string; line: string }[];
  /** Other devices' sessions still running there, as read so far: they come in once they end. */
  running: Session[];
  /** The erase marks this machine has followed (or left). */
  erased: string[];
  /** This device's past months' files, by their size when last compacted: one that changed since (a late write, a deletion) is looked at again. */
  compacted: Record<string, number>;
}

/**
 * The state as stored, each part checked: another folder's state starts afresh, and a damaged part is
 * read again from the files (merging is idempotent), rather than trusted or lost.
 */
export function storedState(value: unknown, where: string): Persisted {
  const stored = value as Partial<Persisted> | undefined;
  if (!stored || stored.folder !== where) return { folder: where, seeded: false, read: {}, heads: {}, pending: [], running: [], erased: [], compacted: {} };
  const erased = Array.isArray(stored.erased) ? stored.erased.filter((id): id is string => typeof id === 'string') : [];
  const running = validSessions(stored.running);
  const damaged = !Array.isArray(stored.running) || running.length !== stored.running.length;
  const read = damaged ? {} : validOffsets(stored.read);
  const pending = Array.isArray(stored.pending) ? stored.pending.filter((p): p is { file: string; line: string } => typeof p?.file === 'string' && typeof p.line === 'string') : [];
  const heads = damaged || typeof stored.heads !== 'object' || stored.heads === null ? {} : Object.fromEntries(Object.entries(stored.heads).filter(([, h]) => typeof h === 'string'));
  return { folder: where, seeded: stored.seeded === true, read, heads, pending, running: damaged ? [] : running, erased, compacted: validOffsets(stored.compacted) };
}

/** Offsets as stored: whole numbers of bytes, per file name. */
function validOffsets(value: unknown): Record<string, number> {
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(Object.entries(value).filter(([, n]) => Number.isSafeInteger(n) && (n as number) >= 0));
}

/** What globalState held as other devices' running sessions, each checked (a damaged list is read again from the files). */
function validSessions(value: unknown): Session[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((s) => {
    const parsed = sessionSchema.safeParse(s);
    return parsed.success ? [parsed.data] : [];
  });
}
