/**
 * The record as rows for a spreadsheet or another tool: one per subgoal and one per win, with its
 * date, domain, author, the cause its session's review named, and the session. CSV (RFC 4180) or JSON.
 */
import type { Journal } from '../records/schema';
import { domainLabel } from '../records/journal';
import { liveSubgoals } from '../practices/session';
import { inTimeZone, localDate } from '../time';

export const ROWS_FORMAT = 'small-wins-rows';

export interface RecordRow {
  kind: 'subgoal' | 'win';
  /** Local date and time ("2026-07-01", "09:30"): a subgoal's when it was set, a win's when it was logged. */
  date: string;
  time: string;
  domain: string;
  text: string;
  /** Who did it: a win's author; a subgoal's is the author of the win that marked it done (else mine). */
  author: 'mine' | 'assisted' | 'assistant';
  /** A subgoal's outcome ('open' while its session runs or it has none) and confidence (0–10); empty for a win. */
  outcome: 'met' | 'partly' | 'missed' | 'open' | '';
  confidence: number | '';
  /** The cause the session's review named, and the user's words about it; empty without a review. */
  cause: string;
  causeNote: string;
  edited: boolean;
  session: string;
  sessionStart: string;
}

export const ROW_COLUMNS: readonly (keyof RecordRow)[] = ['kind', 'date', 'time', 'domain', 'text', 'author', 'outcome', 'confidence', 'cause', 'causeNote', 'edited', 'session', 'sessionStart'];

const clock = (at: number) => new Date(at).toLocaleTimeString('en-GB', inTimeZone({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }));
const stamp = (at: number) => `${localDate(at)} ${clock(at)}`;

/** Every subgoal and win of `journal`'s sessions, in time order (sessions come in time order). */
export function recordRows(journal: Journal): RecordRow[] {
  const rows: RecordRow[] = [];
  for (const s of journal.sessions) {
    const domain = domainLabel(journal, s.domainId);
    const review = s.review?.attribution;
    const shared = { domain, cause: review?.cause ?? '', causeNote: review?.text ?? '', session: s.id, sessionStart: stamp(s.startedAt) };
    const doneBy = new Map(s.wins.filter((w) => w.subgoalId).map((w) => [w.subgoalId, w.by ?? 'mine'] as const));
    for (const g of liveSubgoals(s)) {
      const outcome = s.endedAt === undefined || !g.outcome ? 'open' : g.outcome;
      rows.push({ kind: 'subgoal', date: localDate(g.createdAt), time: clock(g.createdAt), text: g.text, author: doneBy.get(g.id) ?? 'mine', outcome, confidence: g.confidence, edited: g.ed !== undefined, ...shared });
    }
    for (const w of s.wins) rows.push({ kind: 'win', date: localDate(w.at), time: clock(w.at), text: w.text, author: w.by ?? 'mine', outcome: '', confidence: '', edited: w.ed !== undefined, ...shared });
  }
  return rows;
}

/**
 * One cell: quoted when it holds a comma, quote or line break. A text a spreadsheet would run as a
 * formula (starting with =, +, -, @, a tab or a carriage return) is kept as text with a leading
 * apostrophe, as OWASP advises for CSV files opened in spreadsheets.
 */
function cell(value: string | number | boolean): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function rowsCsv(rows: readonly RecordRow[]): string {
  const lines = [ROW_COLUMNS.join(','), ...rows.map((row) => ROW_COLUMNS.map((c) => cell(row[c])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

export function rowsJson(rows: readonly RecordRow[], now: number): string {
  return `${JSON.stringify({ format: ROWS_FORMAT, version: 1, exportedAt: new Date(now).toISOString(), rows }, null, 2)}\n`;
}
