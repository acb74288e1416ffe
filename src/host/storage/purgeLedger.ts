/**
 * The purge ledger beside the archive files: which deletions the files were checked for and which
 * files passed, so a window start does not read the whole archive to find deleted records again.
 * Written under a new name each time (files there are never overwritten); the newest one counts,
 * and one that is damaged or missing only means checking every file once more.
 */
export interface PurgeLedger {
  /** The ledger file this was read from or written as. */
  name?: string | undefined;
  ids: ReadonlySet<string>;
  files: ReadonlySet<string>;
}

export const LEDGER_NAME = /^purged\.[A-Za-z0-9-]{1,64}\.json$/;

export function purgeLedgerText(ledger: PurgeLedger): string {
  return JSON.stringify({ ids: [...ledger.ids], files: [...ledger.files] });
}

export function parsePurgeLedger(text: string): PurgeLedger | undefined {
  try {
    const stored = JSON.parse(text) as { ids?: unknown; files?: unknown };
    const strings = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');
    return strings(stored.ids) && strings(stored.files) ? { ids: new Set(stored.ids), files: new Set(stored.files) } : undefined;
  } catch {
    return undefined;
  }
}
