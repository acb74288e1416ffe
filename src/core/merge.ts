import type { Cue, Domain, EfficacyRating, Encouragement, Journal, Model, Pause, Reflection, Reframe, Session, Subgoal, Win } from './schema';

/**
 * How the merge below combines each field of each record. A field the schema gains must be added
 * here, with a decision on how two copies of it combine; the types and a unit test both insist.
 */
export const MERGE_RULES = {
  domains: { id: 'key', name: 'as written', createdAt: 'as written', archivedAt: 'set once' },
  sessions: {
    id: 'key', domainId: 'as written', workspace: 'as written', startedAt: 'as written', pauses: 'by start, a close wins',
    plannedMinutes: 'the longer plan', endedAt: 'the earlier end', subgoals: 'union by id', wins: 'union by id', cueIds: 'union',
    reframes: 'union by id', review: 'set once', announced: 'the longer plan, then the lower window id',
  },
  subgoals: { id: 'key', text: 'as written', confidence: 'as written', createdAt: 'as written', shrunkFromId: 'as written', outcome: 'set once', doneAt: 'set once' },
  wins: { id: 'key', text: 'as written', at: 'as written', subgoalId: 'as written', source: 'as written' },
  pauses: { from: 'key', to: 'set once', away: 'set once' },
  reframes: { id: 'key', signal: 'as written', reframe: 'as written', at: 'as written' },
  cues: { id: 'key', hope: 'as written', instruction: 'as written', createdAt: 'as written', uses: 'the higher count' },
  ratings: { id: 'key', domainId: 'as written', at: 'as written', value: 'as written' },
  reflections: { id: 'key', weekOf: 'as written', didWell: 'as written', doDifferently: 'as written', learned: 'as written', at: 'as written' },
  models: { id: 'key', name: 'as written', domainId: 'as written', workflowNotes: 'as written', createdAt: 'as written' },
  encouragements: { id: 'key', from: 'as written', text: 'as written', domainId: 'as written', at: 'as written' },
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
};

/**
 * The journal only grows: records are added, never removed, and each field only moves forward (a
 * session ends, a subgoal gets done, a cue gets used more). So two copies written by two windows
 * merge without loss: union by id, and for the same record the further-along value of each field.
 * The merge is commutative, associative and idempotent, so windows converge whatever the order.
 */
export function mergeJournals(a: Journal, b: Journal): Journal {
  return {
    version: a.version,
    domains: unionById(a.domains, b.domains, (x, y) => ({ ...x, ...defined({ archivedAt: x.archivedAt ?? y.archivedAt }) })),
    sessions: unionById(a.sessions, b.sessions, mergeSessions),
    cues: unionById(a.cues, b.cues, (x, y) => ({ ...x, uses: Math.max(x.uses, y.uses) })),
    ratings: unionById(a.ratings, b.ratings),
    reflections: unionById(a.reflections, b.reflections),
    models: unionById(a.models, b.models),
    encouragements: unionById(a.encouragements, b.encouragements),
  };
}

/** Union by id, keeping the order of `a` then the records only `b` has; `combine` merges a shared id. */
export function unionById<T extends { id: string }>(a: readonly T[], b: readonly T[], combine?: (x: T, y: T) => T): T[] {
  if (b.length === 0) return a as T[];
  const index = new Map<string, number>();
  const out = a.slice();
  out.forEach((item, i) => index.set(item.id, i));
  for (const item of b) {
    const at = index.get(item.id);
    if (at === undefined) {
      index.set(item.id, out.length);
      out.push(item);
    } else if (combine && out[at] !== item) {
      out[at] = combine(out[at] as T, item);
    }
  }
  return out;
}

function defined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function mergeSessions(x: Session, y: Session): Session {
  if (x === y) return x;
  const endedAt = x.endedAt !== undefined && y.endedAt !== undefined ? Math.min(x.endedAt, y.endedAt) : (x.endedAt ?? y.endedAt);
  const announced = [x.announced, y.announced].filter((a) => a !== undefined).sort((p, q) => q.plannedMinutes - p.plannedMinutes || (p.by < q.by ? -1 : 1))[0];
  return {
    ...x,
    pauses: mergePauses(x.pauses, y.pauses, endedAt),
    subgoals: unionById(x.subgoals, y.subgoals, mergeSubgoals),
    wins: unionById(x.wins, y.wins),
    reframes: unionById(x.reframes, y.reframes),
    cueIds: x.cueIds.concat(y.cueIds.filter((id) => !x.cueIds.includes(id))),
    ...defined({
      endedAt,
      plannedMinutes: Math.max(x.plannedMinutes ?? 0, y.plannedMinutes ?? 0) || undefined,
      review: x.review ?? y.review,
      announced,
    }),
  };
}

function mergeSubgoals(x: Subgoal, y: Subgoal): Subgoal {
  return { ...x, ...defined({ doneAt: x.doneAt ?? y.doneAt, outcome: x.outcome ?? y.outcome }) };
}

/** Pauses are keyed by their start; a pause closed in one copy is closed in the merge. */
function mergePauses(a: readonly Pause[], b: readonly Pause[], endedAt: number | undefined): Pause[] {
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
