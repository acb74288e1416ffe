import type { Cue, Domain, EfficacyRating, Encouragement, Journal, Model, Reflection } from './schema';
import { newId } from '../ids';
import { later, weekStart } from '../time';
import { t } from '../l10n';
import { nextStamp } from './stamp';

export function domainById(journal: Journal, id: string): Domain | undefined {
  return journal.domains.find((d) => d.id === id);
}

/** A domain's name, or the one wording for a domain that is gone (deleted, or set aside as unreadable). */
export function domainLabel(journal: Journal, id: string): string {
  return domainById(journal, id)?.name ?? t('unknown domain');
}

export function activeDomains(journal: Journal): Domain[] {
  return journal.domains.filter((d) => d.archivedAt === undefined);
}

/** Finds a domain by name, ignoring case and surrounding space, so "Parser tests" is not created twice. */
export function findDomainByName(journal: Journal, name: string): Domain | undefined {
  const key = name.trim().toLowerCase();
  return journal.domains.find((d) => d.name.toLowerCase() === key);
}

export function addDomain(journal: Journal, name: string, now: number): { journal: Journal; domain: Domain } {
  const existing = findDomainByName(journal, name);
  if (existing) return { journal, domain: existing };
  const domain: Domain = { id: newId(), name: name.trim(), createdAt: now };
  return { journal: { ...journal, domains: [...journal.domains, domain] }, domain };
}

/** Finds a saved cue by its instruction, ignoring case and surrounding space, so the same instruction is not saved twice. */
export function findCueByInstruction(journal: Journal, instruction: string): Cue | undefined {
  const key = instruction.trim().toLowerCase();
  return journal.cues.find((c) => c.instruction.trim().toLowerCase() === key);
}

export function addCue(journal: Journal, instruction: string, hope: string | undefined, now: number): { journal: Journal; cue: Cue } {
  const cue: Cue = { id: newId(), instruction, createdAt: now, uses: 1, ...(hope ? { hope } : {}) };
  return { journal: { ...journal, cues: [...journal.cues, cue] }, cue };
}

/** How often a cue was used: its base count plus every device's own count. */
export function cueUses(cue: Cue): number {
  return cue.uses + (cue.usedOn ?? []).reduce((sum, entry) => sum + entry.n, 0);
}

/** Devices that count a cue's uses in an entry of their own; later ones count in the base (schema.ts says why). */
export const CUE_DEVICES_KEPT = 64;

/**
 * Counts a use in this device's own entry: a counter that merges as a count (each device's entry keeps
 * its highest value), so two machines using a cue at the same time are both counted. The entry is per
 * device, not per window, so reloads and window starts never lengthen the list.
 */
export function useCue(journal: Journal, cueId: string, device: string): Journal {
  const bump = (c: Cue): Cue => {
    const entries = c.usedOn ?? [];
    const mine = entries.find((entry) => entry.device === device);
    if (mine) return { ...c, usedOn: entries.map((entry) => (entry === mine ? { device, n: entry.n + 1 } : entry)) };
    if (entries.length >= CUE_DEVICES_KEPT) return { ...c, uses: c.uses + 1 };
    // In device order, as a merge writes them, so a copy and its merge compare equal.
    return { ...c, usedOn: [...entries, { device, n: 1 }].sort((p, q) => (p.device < q.device ? -1 : p.device > q.device ? 1 : 0)) };
  };
  return { ...journal, cues: journal.cues.map((c) => (c.id === cueId ? bump(c) : c)) };
}

/** Saved cues, most used first, so the reliable ones are one keystroke away. */
export function cuesByUse(journal: Journal): Cue[] {
  return journal.cues.slice().sort((a, b) => cueUses(b) - cueUses(a) || b.createdAt - a.createdAt);
}

/** The domain of the latest session (at the same start, the larger domain id, as the aggregates do). */
export function latestDomain(journal: Journal): string | undefined {
  let latest: { at: number; domainId: string } | undefined;
  for (const s of journal.sessions) latest = later(latest, { at: s.startedAt, domainId: s.domainId }, (l) => l.domainId);
  return latest?.domainId;
}

/** The domain a start offers: this workspace's last one, else the latest session's, else the first; archived ones never. */
export function startDomain(journal: Journal, lastDomainId: string | undefined, latestDomainId: string | undefined): Domain | undefined {
  const domains = activeDomains(journal);
  const usable = (id: string | undefined) => (id === undefined ? undefined : domains.find((d) => d.id === id));
  return usable(lastDomainId) ?? usable(latestDomainId) ?? domains[0];
}

/**
 * The cue the latest session (in `domainId`, or in any domain) ended with: the one a user tends to
 * keep, offered first at the next start. At the same start the larger cue id, as the aggregates do.
 */
export function latestCue(journal: Journal, domainId?: string): string | undefined {
  let latest: { at: number; cue: string } | undefined;
  for (const s of journal.sessions) {
    if (domainId !== undefined && s.domainId !== domainId) continue;
    latest = later(latest, { at: s.startedAt, cue: s.cueIds[s.cueIds.length - 1] ?? '' }, (l) => l.cue);
  }
  return latest?.cue || undefined;
}

export function addRating(journal: Journal, domainId: string, value: number, now: number): Journal {
  const rating: EfficacyRating = { id: newId(), domainId, value, at: now };
  return { ...journal, ratings: [...journal.ratings, rating] };
}

export function latestRating(journal: Journal, domainId: string): EfficacyRating | undefined {
  let latest: EfficacyRating | undefined;
  for (const r of journal.ratings) if (r.domainId === domainId && (!latest || r.at > latest.at)) latest = r;
  return latest;
}

/** The id of a week's reflection, the same in every window and on every machine. */
export function reflectionId(weekOf: number): string {
  return `week-${weekOf}`;
}

export function addReflection(
  journal: Journal,
  answers: Pick<Reflection, 'didWell' | 'doDifferently' | 'learned'>,
  now: number,
  writer: string,
): Journal {
  const weekOf = weekStart(now);
  // One reflection per week: answering again edits this week's (same id, a later stamp), so an
  // older copy in another window cannot come back.
  const existing = journal.reflections.find((r) => r.weekOf === weekOf);
  if (existing) {
    return { ...journal, reflections: journal.reflections.map((r) => (r === existing ? { ...r, ...answers, at: now, ed: nextStamp(r.ed, { now, writer }) } : r)) };
  }
  // The week names the record: two windows that both write the week's first reflection write one
  // record, and the later edit wins, instead of keeping two reflections for one week.
  // After this week's reflection was deleted, its id stays deleted: a new answer gets an id of its own.
  const id = journal.deleted.some((d) => d.id === reflectionId(weekOf)) ? newId() : reflectionId(weekOf);
  const reflection: Reflection = { id, weekOf, at: now, ed: nextStamp(undefined, { now, writer }), ...answers };
  return { ...journal, reflections: [...journal.reflections, reflection] };
}

export function addModel(journal: Journal, model: Omit<Model, 'id' | 'createdAt'>, now: number): Journal {
  return { ...journal, models: [...journal.models, { id: newId(), createdAt: now, ...model }] };
}

export function addEncouragement(journal: Journal, e: Omit<Encouragement, 'id' | 'at'>, now: number): Journal {
  return { ...journal, encouragements: [...journal.encouragements, { id: newId(), at: now, ...e }] };
}

/**
 * "One major domain at a time": the other domain already worked on this week, if any, so starting a
 * session in a second one can be warned about (never blocked).
 */
export function otherDomainThisWeek(journal: Journal, domainId: string, now: number): Domain | undefined {
  const since = weekStart(now);
  for (let i = journal.sessions.length - 1; i >= 0; i--) {
    const s = journal.sessions[i];
    if (!s || s.startedAt < since) continue;
    if (s.domainId !== domainId) return domainById(journal, s.domainId);
  }
  return undefined;
}
