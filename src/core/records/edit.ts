import { applyTombstones } from './merge';
import { findDomainByName } from './journal';
import type { Domain, Journal, Session, Tombstone } from './schema';
import { SessionError } from '../practices/session';
import { t } from '../l10n';
import { nextStamp } from './stamp';
import type { Editor } from './stamp';

/** The same record with an edit applied and a new stamp, later than the one it had, so the edit wins in every merge. */
export function revised<T extends { ed?: string }>(record: T, changes: Partial<T>, by: Editor): T {
  return { ...record, ...changes, ed: nextStamp(record.ed, by) };
}

/** Deletes records (at any depth) by id: each leaves a tombstone, so no copy brings it back. */
export function deleteRecords(journal: Journal, ids: readonly string[], now: number): Journal {
  const known = new Set(journal.deleted.map((d) => d.id));
  const fresh: Tombstone[] = [];
  for (const id of ids) {
    if (known.has(id)) continue;
    known.add(id);
    fresh.push({ id, at: now });
  }
  if (fresh.length === 0) return journal;
  return applyTombstones({ ...journal, deleted: [...journal.deleted, ...fresh] });
}

/** The session (from the whole history) that holds a win or subgoal with this id. */
export function sessionHolding(history: Journal, id: string): Session | undefined {
  return history.sessions.find((s) => s.id === id || s.wins.some((w) => w.id === id) || s.subgoals.some((g) => g.id === id));
}

/** A renamed domain; refused when another domain already has the name. */
export function renamedDomain(journal: Journal, domain: Domain, name: string, by: Editor): Domain {
  const same = findDomainByName(journal, name);
  if (same && same.id !== domain.id) throw new SessionError(t('There is already a domain named "{0}".', same.name));
  return revised(domain, { name: name.trim() }, by);
}

/** What deleting a domain takes with it, counted from the whole history: its sessions and ratings. */
export function domainFootprint(history: Journal, domainId: string): { sessions: string[]; ratings: string[] } {
  return {
    sessions: history.sessions.filter((s) => s.domainId === domainId).map((s) => s.id),
    ratings: history.ratings.filter((r) => r.domainId === domainId).map((r) => r.id),
  };
}
