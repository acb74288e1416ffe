import { compareStamps } from './stamp';
import type { Cue, Domain, EfficacyRating, Encouragement, Journal, Model, Pause, Reflection, Reframe, Session, Subgoal, Tombstone, Win } from './schema';

/**
 * How the merge below combines each field of each record. A field the schema gains must be added
 * here, with a decision on how two copies of it combine; the types and a unit test both insist.
 */
export const MERGE_RULES = {
  domains: { id: 'key', ed: 'the later stamp', name: 'by stamp', createdAt: 'as written', archivedAt: 'by stamp; set once at equal stamps' },
  sessions: {
    id: 'key', ed: 'the later stamp', domainId: 'as written (a merged domain points to its survivor)', workspace: 'as written', startedAt: 'as written', pauses: 'by start, a close wins',
    plannedMinutes: 'the longer plan', endedAt: 'the earlier end', subgoals: 'union by id', wins: 'union by id', cueIds: 'union',
    reframes: 'union by id', review: 'set once', announced: 'the longer plan, then the lower window id',
  },
  subgoals: { id: 'key', ed: 'the later stamp', text: 'by stamp', confidence: 'by stamp', createdAt: 'as written', shrunkFromId: 'as written', outcome: 'set once', doneAt: 'set once' },
  wins: { id: 'key', ed: 'the later stamp', text: 'by stamp', at: 'as written', subgoalId: 'as written', source: 'as written', by: 'by stamp' },
  pauses: { from: 'key', to: 'set once', away: 'set once' },
  reframes: { id: 'key', ed: 'the later stamp', signal: 'as written', reframe: 'as written', at: 'as written' },
  cues: { id: 'key', ed: 'the later stamp', hope: 'by stamp', instruction: 'by stamp', createdAt: 'as written', uses: 'the higher count', usedOn: 'a count per device, each its highest' },
  ratings: { id: 'key', ed: 'the later stamp', domainId: 'as written', at: 'as written', value: 'as written' },
  reflections: { id: 'key', ed: 'the later stamp', weekOf: 'as written', didWell: 'by stamp', doDifferently: 'by stamp', learned: 'by stamp', at: 'as written' },
  models: { id: 'key', ed: 'the later stamp', name: 'by stamp', domainId: 'by stamp', workflowNotes: 'by stamp', createdAt: 'as written' },
  encouragements: { id: 'key', ed: 'the later stamp', from: 'by stamp', text: 'by stamp', domainId: 'by stamp', at: 'as written' },
  deleted: { id: 'key', at: 'the earlier', into: 'the lower id' },
} as const satisfies {
  domains: Record<keyof Domain, string>;
  sessions: Record<keyof Session, string>;
  subgoals: Record<keyof Subgoal, string>;
  wins: Record<keyof Win, string>;
  pauses: Record<keyof Pause, string>;
  reframes: Record<keyof Reframe, string>;
  cues: Record<keyof Cue, string>;
  ratings: Record<keyof EfficacyRating, string>;
  reflections: Record<keyof Reflection, string>;
  models: Record<keyof Model, string>;
  encouragements: Record<keyof Encouragement, string>;
  deleted: Record<keyof Tombstone, string>;
};

/**
 * Copies of the journal (two windows, the archive, an import, Settings Sync) merge per record:
 * - the union of records by id; for two copies of one record the content of the later edit wins
 *   (an edit stamps it), and facts that only move forward combine (a session ends, a subgoal gets
 *   done, a cue gets used, a pause gets closed);
 * - tombstones win: a deleted record is gone from the result, whichever copy still held it;
 * - at most one session runs and one domain has a given name: when copies disagree, the earlier one
 *   survives and the other is merged into it (its wins and subgoals are kept).
 * The result does not depend on the order of merging, so every copy converges.
 */
export function mergeJournals(a: Journal, b: Journal): Journal {
  return withInvariants(uniteJournals(a, b));
}

/**
 * The same merge record by record, without folding two running sessions or two domains of one name:
 * for pieces of the journal read together (lines of the journal folder), which a whole journal folds
 * once they are merged into it.
 */
export function uniteJournals(a: Journal, b: Journal): Journal {
  const united: Journal = {
    version: a.version,
    domains: unionById(a.domains, b.domains, mergeDomains),
    sessions: unionById(a.sessions, b.sessions, mergeSessions),
    cues: unionById(a.cues, b.cues, (x, y) => {
      const [win] = newer(x, y);
      const usedOn = unionCounts(x.usedOn, y.usedOn);
      return { ...win, uses: Math.max(x.uses, y.uses), ...(usedOn ? { usedOn } : {}) };
    }),
    ratings: unionById(a.ratings, b.ratings, newest),
    reflections: unionById(a.reflections, b.reflections, newest),
    models: unionById(a.models, b.models, newest),
    encouragements: unionById(a.encouragements, b.encouragements, newest),
    deleted: unionById(a.deleted, b.deleted, mergeTombstones),
  };
  return applyTombstones(united);
}

/**
 * Union by id, keeping the order of `a` then the records only `b` has; `combine` merges a shared id.
 * When one side already holds the union, the result is that side itself, so a caller can tell that
 * nothing changed.
 */
export function unionById<T extends { id: string }>(a: readonly T[], b: readonly T[], combine?: (x: T, y: T) => T): T[] {
  if (b.length === 0) return a as T[];
  if (a.length === 0) return b as T[];
  const index = new Map<string, number>();
  const out = a.slice();
  let changed = false;
  for (let i = 0; i < out.length; i++) index.set((out[i] as T).id, i);
  for (const item of b) {
    const at = index.get(item.id);
    if (at === undefined) {
      index.set(item.id, out.length);
      out.push(item);
      changed = true;
    } else if (combine && out[at] !== item) {
      const combined = combine(out[at] as T, item);
      if (combined !== out[at]) {
        out[at] = combined;
        changed = true;
      }
    }
  }
  if (!changed) return a as T[];
  return out.length === b.length && out.every((record, i) => record === b[i]) ? (b as T[]) : out;
}

/**
 * The copy whose content wins, then the other: the later edit stamp (core/records/stamp.ts), and for equal
 * stamps with different content (only a damaged or hand-made copy has those) the content that sorts
 * later, so both orders of merging agree.
 */
function newer<T extends { ed?: string }>(x: T, y: T): [T, T] {
  const order = compareStamps(x.ed, y.ed);
  if (order !== 0) return order > 0 ? [x, y] : [y, x];
  // Two reads of one record are equal far more often than not; comparing is cheaper than two canonical texts.
  if (x === y || sameContent(x, y)) return [x, y];
  return canonical(x) >= canonical(y) ? [x, y] : [y, x];
}

function newest<T extends { ed?: string }>(x: T, y: T): T {
  return newer(x, y)[0];
}

/** JSON with sorted keys: the same content gives the same text whatever the key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([p], [q]) => (p < q ? -1 : 1))) : v,
  );
}

function defined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function mergeDomains(x: Domain, y: Domain): Domain {
  const [win, lose] = newer(x, y);
  // Archiving is an edit (it stamps the domain); at equal stamps an archive seen by one copy holds.
  if (x.ed !== y.ed) return win;
  return { ...win, ...defined({ archivedAt: win.archivedAt ?? lose.archivedAt }) };
}

export function mergeSessions(x: Session, y: Session): Session {
  if (x === y) return x;
  const [win, lose] = newer(x, y);
  const endedAt = x.endedAt !== undefined && y.endedAt !== undefined ? Math.min(x.endedAt, y.endedAt) : (x.endedAt ?? y.endedAt);
  const pauses = mergePauses(x.pauses, y.pauses, endedAt);
  const subgoals = unionById(x.subgoals, y.subgoals, mergeSubgoals);
  const wins = unionById(x.wins, y.wins, newest);
  const reframes = unionById(x.reframes, y.reframes, newest);
  const cueIds = unionIds(x.cueIds, y.cueIds);
  const plannedMinutes = Math.max(x.plannedMinutes ?? 0, y.plannedMinutes ?? 0);
  const review = win.review ?? lose.review;
  const announced = laterAnnouncement(x.announced, y.announced);
  // Most shared sessions are one copy plus nothing new (an edit raised its revision): the winner as it
  // is, rather than a copy of it for every shared session of a long history.
  if (
    sameList(pauses, win.pauses) && sameList(subgoals, win.subgoals) && sameList(wins, win.wins) && sameList(reframes, win.reframes) && sameList(cueIds, win.cueIds) &&
    endedAt === win.endedAt && plannedMinutes === (win.plannedMinutes ?? 0) && review === win.review && announced === win.announced
  ) {
    return win;
  }
  const merged: Session = { ...win, pauses, subgoals, wins, reframes, cueIds };
  // Set one by one rather than through defined(): a merge of long histories runs this for every shared session.
  if (endedAt !== undefined) merged.endedAt = endedAt;
  if (plannedMinutes) merged.plannedMinutes = plannedMinutes;
  if (review) merged.review = review;
  if (announced) merged.announced = announced;
  return merged;
}

/** The same list, or both empty: what a merged field that added nothing looks like. */
function sameList<T>(merged: readonly T[], own: readonly T[]): boolean {
  return merged === own || (merged.length === 0 && own.length === 0);
}

/** The announcement of the longer plan (the later one), then of the window with the lower id. */
function laterAnnouncement(p: Session['announced'], q: Session['announced']): Session['announced'] {
  if (!p || !q) return p ?? q;
  if (p.plannedMinutes !== q.plannedMinutes) return p.plannedMinutes > q.plannedMinutes ? p : q;
  return p.by <= q.by ? p : q;
}

/** Per-device counts merge as counts: each device's entry keeps its highest value. */
function unionCounts(a: Cue['usedOn'], b: Cue['usedOn']): Cue['usedOn'] {
  if (!a || !b) return a ?? b;
  const byDevice = new Map<string, number>();
  for (const entry of [...a, ...b]) byDevice.set(entry.device, Math.max(byDevice.get(entry.device) ?? 0, entry.n));
  return [...byDevice].sort(([p], [q]) => (p < q ? -1 : 1)).map(([device, n]) => ({ device, n }));
}

function unionIds(a: readonly string[], b: readonly string[]): string[] {
  if (b.length === 0) return a as string[];
  const seen = new Set(a);
  const added = b.filter((id) => !seen.has(id) && (seen.add(id), true));
  return added.length === 0 ? (a as string[]) : a.concat(added);
}

function mergeSubgoals(x: Subgoal, y: Subgoal): Subgoal {
  const [win, lose] = newer(x, y);
  if ((win.doneAt !== undefined || lose.doneAt === undefined) && (win.outcome !== undefined || lose.outcome === undefined)) return win;
  return { ...win, ...defined({ doneAt: win.doneAt ?? lose.doneAt, outcome: win.outcome ?? lose.outcome }) };
}

function mergeTombstones(x: Tombstone, y: Tombstone): Tombstone {
  const into = x.into !== undefined && y.into !== undefined ? (x.into < y.into ? x.into : y.into) : (x.into ?? y.into);
  return { id: x.id, at: Math.min(x.at, y.at), ...(into !== undefined ? { into } : {}) };
}

/** Pauses are keyed by their start; a pause closed in one copy is closed in the merge. */
function mergePauses(a: readonly Pause[], b: readonly Pause[], endedAt: number | undefined): Pause[] {
  if (a.length === 0 && b.length === 0) return a as Pause[];
  const byStart = new Map<number, Pause>();
  for (const p of [...a, ...b]) {
    const known = byStart.get(p.from);
    byStart.set(p.from, known ? { ...known, ...defined({ to: known.to ?? p.to, away: known.away ?? p.away }) } : p);
  }
  const pauses = [...byStart.values()].sort((p, q) => p.from - q.from);
  // Only the last pause may be open; an earlier open one was closed by a later pause or the end.
  return pauses.map((p, i) => {
    if (p.to !== undefined) return p;
    const next = pauses[i + 1];
    if (next) return { ...p, to: next.from };
    if (endedAt !== undefined) return { ...p, to: Math.max(p.from, endedAt) };
    return p;
  });
}

/**
 * Where a merged record lives on: the end of its chain of `into` tombstones (a record merged into one
 * that was merged in turn), bounded so that a cycle in a damaged copy cannot hang.
 */
export function survivor(id: string, tombstones: ReadonlyMap<string, Pick<Tombstone, 'into'>>): string {
  let current = id;
  for (let hops = 0; hops < 16; hops++) {
    const next = tombstones.get(current)?.into;
    if (next === undefined) return current;
    current = next;
  }
  return current;
}

/**
 * Removes every record a tombstone names, at any depth (a deleted win leaves its session). A
 * tombstone with `into` folds the record into the one it names instead: a session's wins, subgoals,
 * reframes and cues move there, and whatever pointed at a merged domain points at the survivor.
 * A deleted domain takes its sessions and ratings along, those a copy added after the deletion
 * included (a session started in another window meanwhile): what belonged to the domain the user
 * deleted goes with it everywhere, instead of living on under no domain. Its models and encouragement
 * stay, for any domain.
 */
export function applyTombstones(journal: Journal): Journal {
  if (journal.deleted.length === 0) return journal;
  const dead = new Map(journal.deleted.map((d) => [d.id, d]));
  const resolve = (id: string): string => survivor(id, dead);
  // Every copy names the final survivor, so copies that saw the merges in another order agree.
  const deleted = journal.deleted.map((d) => {
    if (d.into === undefined) return d;
    const into = resolve(d.into);
    return into === d.into ? d : { ...d, into };
  });
  for (const d of deleted) dead.set(d.id, d);
  const alive = <T extends { id: string }>(records: T[]): T[] => (records.some((r) => dead.has(r.id)) ? records.filter((r) => !dead.has(r.id)) : records);
  const merged = (id: string): boolean => dead.get(id)?.into !== undefined;
  // A plain tombstone on a domain id: only a domain's id is ever a record's domainId.
  const removedDomain = (id: string): boolean => dead.has(id) && !merged(id);
  const moved = (r: { domainId?: string }): boolean => r.domainId !== undefined && dead.has(r.domainId);
  const repoint = <T extends { domainId?: string }>(records: T[]): T[] =>
    records.some(moved)
      ? records.map((r) => {
          if (!moved(r)) return r;
          if (merged(r.domainId as string)) return { ...r, domainId: resolve(r.domainId as string) };
          const detached = { ...r };
          delete detached.domainId;
          return detached;
        })
      : records;
  // A record of a domain merged into one since deleted goes too: the end of the chain decides.
  const ofLiveDomain = <T extends { domainId: string }>(records: T[]): T[] => (records.some((r) => removedDomain(resolve(r.domainId))) ? records.filter((r) => !removedDomain(resolve(r.domainId))) : records);
  const folded = new Map<string, Session[]>();
  // A session folded into one this copy does not hold (archived, or not arrived yet) stays as it is,
  // so nothing of it is lost: the copy that holds both folds it (the archive read with the live journal).
  const waiting = new Set<string>();
  if (deleted.some((d) => d.into !== undefined)) {
    const held = new Set(journal.sessions.map((s) => s.id));
    for (const session of journal.sessions) {
      const into = dead.get(session.id)?.into;
      if (into === undefined) continue;
      // Folded into a session since deleted: it goes with it.
      if (dead.has(into)) continue;
      if (!held.has(into)) {
        waiting.add(session.id);
        continue;
      }
      const others = folded.get(into);
      if (others) others.push(session);
      else folded.set(into, [session]);
    }
  }
  const sessions: Session[] = [];
  for (const session of journal.sessions) {
    if ((dead.has(session.id) && !waiting.has(session.id)) || removedDomain(resolve(session.domainId))) continue;
    let s = session;
    const others = folded.get(s.id);
    // All the sessions folded into one are added in one union each: linear in what they hold together.
    if (others) {
      s = {
        ...s,
        subgoals: unionById(s.subgoals, others.flatMap((o) => o.subgoals), mergeSubgoals),
        wins: unionById(s.wins, others.flatMap((o) => o.wins), newest),
        reframes: unionById(s.reframes, others.flatMap((o) => o.reframes), newest),
        cueIds: unionIds(s.cueIds, others.flatMap((o) => o.cueIds)),
      };
    }
    const subgoals = alive(s.subgoals);
    const wins = alive(s.wins);
    const reframes = alive(s.reframes);
    const domainId = merged(s.domainId) ? resolve(s.domainId) : s.domainId;
    sessions.push(subgoals === s.subgoals && wins === s.wins && reframes === s.reframes && domainId === s.domainId ? s : { ...s, subgoals, wins, reframes, domainId });
  }
  return {
    ...journal,
    domains: alive(journal.domains),
    sessions,
    cues: alive(journal.cues),
    ratings: repoint(ofLiveDomain(alive(journal.ratings))),
    reflections: alive(journal.reflections),
    models: repoint(alive(journal.models)),
    encouragements: repoint(alive(journal.encouragements)),
    deleted,
  };
}

/** The earlier record survives: earlier start (or creation), then the lower id. */
const earlier = (p: { at: number; id: string }, q: { at: number; id: string }) => p.at - q.at || (p.id < q.id ? -1 : 1);

/**
 * One running session and one domain per name, by construction: two windows that started a session
 * (or created a domain) before seeing each other's write end up with one, holding what both had.
 */
function withInvariants(journal: Journal): Journal {
  const merges: Tombstone[] = [];
  const running = journal.sessions.filter((s) => s.endedAt === undefined).map((s) => ({ at: s.startedAt, id: s.id }));
  if (running.length > 1) {
    const [survivor, ...others] = running.sort(earlier);
    for (const other of others) merges.push({ id: other.id, at: other.at, into: (survivor as { id: string }).id });
  }
  const byName = new Map<string, { at: number; id: string }[]>();
  for (const d of journal.domains) {
    const key = d.name.trim().toLowerCase();
    const same = byName.get(key);
    if (same) same.push({ at: d.createdAt, id: d.id });
    else byName.set(key, [{ at: d.createdAt, id: d.id }]);
  }
  for (const same of byName.values()) {
    if (same.length < 2) continue;
    const [survivor, ...others] = same.sort(earlier);
    for (const other of others) merges.push({ id: other.id, at: other.at, into: (survivor as { id: string }).id });
  }
  if (merges.length === 0) return journal;
  return applyTombstones({ ...journal, deleted: unionById(journal.deleted, merges, mergeTombstones) });
}

/** Structural equality that ignores key order: merged copies may list the same fields in another order. */
export function sameContent(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    // Records with ids are sets: the same records in another order are the same content.
    if (a.every(hasId) && b.every(hasId)) {
      const byId = new Map(b.map((r) => [r.id, r]));
      return a.every((r) => sameContent(r, byId.get(r.id)));
    }
    return a.every((v, i) => sameContent(v, b[i]));
  }
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => sameContent((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function hasId(value: unknown): value is { id: string } {
  return typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string';
}
