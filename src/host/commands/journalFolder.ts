import type { Services } from '../services';
import { t } from '../../core/l10n';
import { present } from './present';
import { info, warn } from '../actions/notices';
import type { GitSyncResult } from '../storage/gitSync';

/** What the command needs of the journal folder: to keep the record in a folder, and what came of it. */
export interface FolderChoice {
  /** Sets the folder (the `smallWins.journalFolder` setting) and waits for the first read and write there; a problem, if any. */
  keepIn(folder: string): Promise<string | undefined>;
  /** The folder the user chose, if any. */
  chosen(): string | undefined;
  /** After Delete All My Data: every device's files too (`everywhere`), or this machine's part only; a problem, if any. */
  erase(everywhere: boolean): Promise<string | undefined>;
  /** Commits this device's files in the folder's git repository, pulls with rebase and pushes, then reads what came. */
  syncWithGit(): Promise<GitSyncResult>;
}

/** Small Wins: Choose Journal Folder… — a folder picker, then the record is written and read there. */
export async function chooseJournalFolder(ctx: Services, folders: FolderChoice): Promise<void> {
  const folder = await ctx.ui.pickFolder(t('Small Wins: Choose Journal Folder'), t('Keep My Record Here'));
  if (!folder) return;
  const problem = await folders.keepIn(folder);
  present(ctx, [
    problem
      ? warn(t('Small Wins will keep your record in "{0}", but cannot reach it now ({1}). Your record stays on this machine meanwhile.', folder, problem))
      : info(t('Your record is kept in "{0}" now, and every machine that uses this folder shares it.', folder)),
  ]);
}

/** Small Wins: Sync Journal Folder — for a journal folder in a git repository. */
export async function syncJournalFolder(ctx: Services, folders: FolderChoice): Promise<void> {
  const result = await folders.syncWithGit();
  present(ctx, [
    result.offline
      ? warn(t('Small Wins could not reach the remote of your journal folder ({0}). What it committed stays in the repository for the next sync.', result.offline))
      : info(result.committed ? t('Your journal is committed and in sync with the remote of your journal folder.') : t('Your journal folder is in sync with its remote.')),
  ]);
}
