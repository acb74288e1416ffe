/**
 * Whether a stored aggregate or month index can be read back: a damaged, outdated or foreign file is
 * not an aggregate, and is recomputed from the records (core/figures/aggregates.ts).
 */
import * as z from 'zod/mini';
import { CAUSE_KINDS, efficacyRatingSchema, encouragementSchema, isId } from '../records/schema';
import { LIMITS } from '../limits';
import { zoneKey } from '../time';
import { AGGREGATE_VERSION } from './aggregates';
import type { MonthAggregate, MonthIndex } from './aggregates';

/**
 * True when a parsed value has the shape of an aggregate of this version and zone (a damaged file
 * does not). Plain loops: it runs on every view's first open, over every cell of the years rolled up.
 */
export function isAggregate(value: unknown, zone = zoneKey()): value is MonthAggregate {
  if (!isRecord(value)) return false;
  const v = value as Partial<Record<keyof MonthAggregate, unknown>>;
  return (
    v.v === AGGREGATE_VERSION &&
    v.zone === zone &&
    isInt(v.lastAt) &&
    isTable(v.days, (x) => isInts(x, 3)) &&
    isTable(v.weeks, isWeekCell) &&
    isTable(v.brier, (x) => isRecord(x) && isInt(x['sq']) && isInt(x['goals']) && isInt(x['first'])) &&
    isRecord(v.domains) &&
    everyValue(v.domains, isDomainCell) &&
    Array.isArray(v.ratings) &&
    ratingsSchema.safeParse(v.ratings).success &&
    Array.isArray(v.encouragements) &&
    encouragementsSchema.safeParse(v.encouragements).success &&
    isTweakFacts(v.tweaks)
  );
}

function isTweakFacts(x: unknown): boolean {
  if (!isRecord(x) || !isRecord(x['slips']) || !Array.isArray(x['works']) || !Array.isArray(x['answers'])) return false;
  for (const id in x['slips']) {
    const slip = x['slips'][id];
    if (!isId(id) || !isRecord(slip) || !isInt(slip['at']) || !isId(slip['domainId']) || !isText(slip['tweak']) || typeof slip['asked'] !== 'boolean') return false;
  }
  if (!x['works'].every((w) => isRecord(w) && isId(w['sessionId']) && isText(w['tweak']) && isInt(w['at']) && isId(w['domainId']) && isInt(w['helpedAt']))) return false;
  return x['answers'].every((a) => isRecord(a) && isId(a['of']) && isId(a['domainId']) && isInt(a['at']) && typeof a['helped'] === 'boolean');
}

const isText = (x: unknown): boolean => typeof x === 'string' && x.length <= LIMITS.text;

const ratingsSchema = z.array(efficacyRatingSchema);
const encouragementsSchema = z.array(encouragementSchema);
const KEY = /^-?\d{1,16}(\/-?\d{1,16})?$/;

function isInt(x: unknown): boolean {
  return Number.isSafeInteger(x);
}

function isInts(x: unknown, length: number): boolean {
  if (!Array.isArray(x) || x.length !== length) return false;
  for (let i = 0; i < length; i++) if (!Number.isSafeInteger(x[i])) return false;
  return true;
}

function everyValue(record: Record<string, unknown>, ok: (x: unknown) => boolean): boolean {
  for (const key in record) if (!ok(record[key])) return false;
  return true;
}

/** domain → key (a time, or "<time>/<time>") → cell. */
function isTable(table: unknown, ok: (x: unknown) => boolean): boolean {
  if (!isRecord(table)) return false;
  for (const domain in table) {
    const row = table[domain];
    if (!isRecord(row)) return false;
    for (const key in row) if (!KEY.test(key) || !ok(row[key])) return false;
  }
  return true;
}

function isWeekCell(x: unknown): boolean {
  if (!isRecord(x)) return false;
  if (!isInt(x['sessions']) || !isInt(x['focusMs']) || !isInt(x['reviews']) || !isInt(x['own']) || !isInts(x['rated'], 11) || !isInts(x['met'], 11) || !isInts(x['partly'], 11)) return false;
  const causes = x['causes'];
  if (!isRecord(causes)) return false;
  for (const kind in causes) if (!(CAUSE_KINDS as readonly string[]).includes(kind) || !isInts(causes[kind], 2)) return false;
  return true;
}

function isDomainCell(d: unknown): boolean {
  if (!isRecord(d) || !isInt(d['lastWinAt']) || !isInt(d['endedSessions']) || !isInts(d['endedWins'], 3)) return false;
  const low = d['lowStarts'];
  if (!Array.isArray(low) || low.length !== 11) return false;
  for (const l of low) if (l !== null && !(isRecord(l) && isInt(l['at']) && isInts(l['wins'], 3))) return false;
  const latest = d['latest'];
  return latest === null || (isRecord(latest) && isInt(latest['at']) && (latest['cue'] === null || (typeof latest['cue'] === 'string' && latest['cue'].length <= LIMITS.id)));
}

export function isMonthIndex(value: unknown): value is MonthIndex {
  return isRecord(value) && Number.isSafeInteger(value['lastAt']) && isRecord(value['lastWinAt']) && Object.values(value['lastWinAt']).every((at) => Number.isSafeInteger(at));
}

export function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
