import type { CollectionName, Journal, Session, Tombstone } from './schema';
import { COLLECTIONS, MAX_TIME } from './schema';
import { DAY } from '../time';
import { t } from '../l10n';
import { stampAhead } from './stamp';

/** Deeper than any export (file → journal → sessions → session → wins → win is six levels). */
export const MAX_IMPORT_DEPTH = 16;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * What makes a parsed file unsafe to walk further: a key a plain object would treat as its own
 * machinery, or nesting deeper than any export. One pass with a stack (JSON.parse's reviver, which did
 * this before, costs more than the parse itself), stopping at the first problem.
 */
export function unsafeShape(value: unknown): { forbidden: string } | { tooDeep: true } | undefined {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (typeof node !== 'object' || node === null) continue;
    if (depth >= MAX_IMPORT_DEPTH) return { tooDeep: true };
    if (Array.isArray(node)) {
      for (const item of node) if (typeof item === 'object' && item !== null) stack.push([item, depth + 1]);
      continue;
    }
    for (const key in node) {
      if (FORBIDDEN_KEYS.has(key)) return { forbidden: key };
      const item = (node as Record<string, unknown>)[key];
      if (typeof item === 'object' && item !== null) stack.push([item, depth + 1]);
    }
  }
  return undefined;
}

/** Where each id lives: its collection, or the part of a session it is in. */
type Kind = CollectionName | 'wins' | 'subgoals' | 'reframes';

/** Every id of both journals, at any depth, with where it lives. */
function idKinds(current: Journal, incoming: Journal): Map<string, Kind> {
  const kinds = new Map<string, Kind>();
  kindsOf(current, kinds);
  kindsOf(incoming, kinds);
  return kinds;
}

function kindsOf(journal: Journal, into: Map<string, Kind>): void {
  for (const name of COLLECTIONS) for (const r of journal[name] as { id: string }[]) into.set(r.id, name);
  for (const s of journal.sessions) {
    for (const w of s.wins) into.set(w.id, 'wins');
    for (const g of s.subgoals) into.set(g.id, 'subgoals');
    for (const r of s.reframes) into.set(r.id, 'reframes');
  }
}

/**
 * The first reason the file cannot be merged as it is, with the field named: an id used twice (in a
 * collection, or for two wins, subgoals or reframes anywhere in its sessions), a merge tombstone whose
 * target exists on neither side or is another kind of record, or a time too far ahead of this clock.
 * Each check is one pass over the file, so a file of any size is judged in linear time.
 */
export function incomingProblem(current: Journal, incoming: Journal, now: number): string | undefined {
  const twice = (where: string, id: string) => t('{0}: the id "{1}" is used twice', where, id);
  for (const name of COLLECTIONS) {
    const seen = new Set<string>();
    const records = incoming[name] as { id: string }[];
    for (let i = 0; i < records.length; i++) {
      const id = (records[i] as { id: string }).id;
      if (seen.has(id)) return twice(`journal.${name}[${i}].id`, id);
      seen.add(id);
    }
  }
  const nested = { wins: new Set<string>(), subgoals: new Set<string>(), reframes: new Set<string>() };
  for (let i = 0; i < incoming.sessions.length; i++) {
    const s = incoming.sessions[i] as Session;
    for (const part of ['wins', 'subgoals', 'reframes'] as const) {
      const list = s[part];
      for (let j = 0; j < list.length; j++) {
        const id = (list[j] as { id: string }).id;
        if (nested[part].has(id)) return twice(`journal.sessions[${i}].${part}[${j}].id`, id);
        nested[part].add(id);
      }
    }
    // A running session that starts in the future would never end.
    if (s.endedAt === undefined && s.startedAt > Math.min(now + DAY, MAX_TIME)) return t('journal.sessions[{0}].{1}: the time is more than a day ahead of this computer\'s clock', i, 'startedAt');
  }
  const ahead = stampAheadIn(incoming, now);
  if (ahead) return t('{0}: the edit time is more than a day ahead of this computer\'s clock', ahead);
  const tombstoneIds = new Set<string>();
  for (let i = 0; i < incoming.deleted.length; i++) {
    const id = (incoming.deleted[i] as Tombstone).id;
    if (tombstoneIds.has(id)) return twice(`journal.deleted[${i}].id`, id);
    tombstoneIds.add(id);
  }
  const kinds = idKinds(current, incoming);
  const deleted = new Set([...current.deleted.map((d) => d.id), ...tombstoneIds]);
  for (let i = 0; i < incoming.deleted.length; i++) {
    const d = incoming.deleted[i] as Tombstone;
    if (d.into === undefined) continue;
    const target = kinds.get(d.into) ?? (deleted.has(d.into) ? kinds.get(d.id) : undefined);
    const own = kinds.get(d.id);
    if (target === undefined || (own !== undefined && own !== target) || (target !== 'sessions' && target !== 'domains')) {
      return t('journal.deleted[{0}].into: "{1}" names no session or domain it could be merged into', i, d.into);
    }
  }
  return undefined;
}

/**
 * The first record whose edit stamp comes from a clock more than a day ahead: it would win over every
 * edit made here until this clock caught up.
 */
function stampAheadIn(incoming: Journal, now: number): string | undefined {
  for (const name of COLLECTIONS) {
    const records = incoming[name] as { ed?: string }[];
    for (let i = 0; i < records.length; i++) if (stampAhead((records[i] as { ed?: string }).ed, now)) return `journal.${name}[${i}].ed`;
  }
  for (let i = 0; i < incoming.sessions.length; i++) {
    const s = incoming.sessions[i] as Session;
    for (const part of ['wins', 'subgoals', 'reframes'] as const) {
      const list: { ed?: string }[] = s[part];
      for (let j = 0; j < list.length; j++) if (stampAhead((list[j] as { ed?: string }).ed, now)) return `journal.sessions[${i}].${part}[${j}].ed`;
    }
  }
  return undefined;
}
