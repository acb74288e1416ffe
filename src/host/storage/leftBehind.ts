import { Archive, uniqueName } from './archive';
import type { ArchiveFiles } from './archiveFiles';
import { importFile } from '../actions/transfer';
import { info } from '../actions/notices';
import { exportJournal } from '../../core/records/transfer';
import { COLLECTIONS } from '../../core/records/schema';
import { t } from '../../core/l10n';
import type { Services } from '../services';
import type { MementoLike } from '../platform/mementoLike';
import type { Notice } from '../actions/notices';

/** What was looked at already: each remote host once, each archive found there brought home once. */
export const LEFT_BEHIND_KEY = 'smallWins.leftBehind';

interface Looked {
  hosts: string[];
  brought: string[];
}

/** A place on a remote host that may hold an archive Small Wins left there: its name, and its files. */
export interface LeftBehindPlace {
  where: string;
  files: ArchiveFiles;
}

/**
 * Brings home the closed sessions a Small Wins that ran on a remote host kept there (before it asked
 * to run beside the window): once per host, merged into this machine's journal as an import is, and
 * said once. Nothing on the remote host is changed: its files are only read.
 */
export async function bringHomeLeftBehind(ctx: Services, o: { memento: MementoLike; host: string; hostName: string; places: () => Promise<LeftBehindPlace[]> }): Promise<Notice[]> {
  const looked = lookedAt(o.memento);
  if (looked.hosts.includes(o.host)) return [];
  const notices: Notice[] = [];
  for (const place of await o.places()) {
    if (looked.brought.includes(place.where)) continue;
    const journal = await new Archive(readOnly(place.files), () => undefined, uniqueName).journal();
    if (COLLECTIONS.every((name) => journal[name].length === 0)) continue;
    const done = await importFile(ctx, exportJournal(journal, ctx.clock()));
    looked.brought.push(place.where);
    // Saved at once: a later place that fails does not bring this one home again.
    await o.memento.update(LEFT_BEHIND_KEY, looked);
    notices.push(info(t('Small Wins used to keep your closed sessions on {0}; they are on this machine now, with every other window: {1}', o.hostName, done.notices.map((n) => n.text).join(' '))));
  }
  looked.hosts.push(o.host);
  await o.memento.update(LEFT_BEHIND_KEY, looked);
  return notices;
}

function lookedAt(memento: MementoLike): Looked {
  const stored = memento.get(LEFT_BEHIND_KEY) as Partial<Looked> | undefined;
  const strings = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
  return { hosts: strings(stored?.hosts), brought: strings(stored?.brought) };
}

/** The archive's files as read, never written: tidying them is the remote copy's business. */
function readOnly(files: ArchiveFiles): ArchiveFiles {
  return { list: () => files.list(), read: (name) => files.read(name), write: () => Promise.resolve(), remove: () => Promise.resolve() };
}
