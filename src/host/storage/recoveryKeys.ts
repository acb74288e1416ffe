import type { MementoLike } from '../platform/mementoLike';
import { redactValue } from '../../core/records/redact';

/**
 * What could not be read or combined is never dropped: it is kept in globalState under a key of its
 * own, listed for the user to export or discard. The reader picks the key when it finds such a part,
 * the writer stores it, and the user's commands list and discard it, so the key scheme lives here once.
 */
export const RECOVERY_PREFIX = 'recovery.';

export interface SetAside {
  key: string;
  problem: string;
  at: number;
  data: unknown;
}

export function recoveryKeys(memento: MementoLike): string[] {
  return memento.keys().filter((k) => k.startsWith(RECOVERY_PREFIX));
}

/** A key no part was kept under yet; the time makes the newest easy to find. */
export function freeRecoveryKey(memento: MementoLike, now: number): string {
  const taken = new Set(recoveryKeys(memento));
  let at = now;
  while (taken.has(`${RECOVERY_PREFIX}${at}`)) at++;
  return `${RECOVERY_PREFIX}${at}`;
}

export function keepAside(memento: MementoLike, { key, problem, at, data }: SetAside): PromiseLike<void> {
  return memento.update(key, { problem, at, data });
}

/** What was set aside, newest first; a damaged value still lists (with empty fields) so it can be discarded. */
export function listSetAside(memento: MementoLike): SetAside[] {
  return recoveryKeys(memento)
    .map((key) => {
      const value = memento.get(key) as { problem?: unknown; at?: unknown; data?: unknown } | undefined;
      return { key, problem: typeof value?.problem === 'string' ? value.problem : '', at: typeof value?.at === 'number' ? value.at : 0, data: value?.data };
    })
    .sort((a, b) => b.at - a.at);
}

/** Only a recovery key can be discarded this way, whatever key the caller names. */
export async function discardSetAside(memento: MementoLike, key: string): Promise<void> {
  if (key.startsWith(RECOVERY_PREFIX)) await memento.update(key, undefined);
}

/** Deleted records leave what was set aside too, the rest of it stays listed: a deletion reaches every copy on this machine. */
export async function redactSetAside(memento: MementoLike, ids: ReadonlySet<string>): Promise<void> {
  for (const key of recoveryKeys(memento)) {
    const value = memento.get(key);
    if (typeof value !== 'object' || value === null || !('data' in value)) continue;
    const data = redactValue(value.data, ids);
    if (data !== value.data) await memento.update(key, { ...value, data });
  }
}
