import type { Services } from '../services';
import type { BackupInfo } from '../../core/records/backups';
import { t } from '../../core/l10n';
import { importFile } from '../actions/transfer';
import { info } from '../actions/notices';
import { present } from './present';

/** What the command needs of the daily backups. */
export interface BackupShelf {
  /** Where they are, for the user to find them. */
  where(): string;
  list(): Promise<BackupInfo[]>;
  read(name: string): Promise<string>;
  /** Deletes every backup (Delete All My Data). */
  erase(): Promise<void>;
}

/** Small Wins: Restore From Backup — a dated backup, picked by its day and counts, merged back in as an import is. */
export async function restoreFromBackup(ctx: Services, backups: BackupShelf): Promise<void> {
  const list = await backups.list();
  if (list.length === 0) {
    present(ctx, [info(t('No backups yet. While no journal folder is set, Small Wins keeps one a day in "{0}".', backups.where()))]);
    return;
  }
  const picked = await ctx.ui.pick(
    list.map((b) => ({ label: b.day, description: t('sessions: {0}, wins: {1}', b.sessions, b.wins), value: b.name })),
    { title: t('Small Wins: Restore From Backup'), placeholder: t('Which backup? What it holds is merged into your journal; nothing you have now is removed.') },
  );
  if (!picked) return;
  present(ctx, (await importFile(ctx, await backups.read(picked))).notices);
}
