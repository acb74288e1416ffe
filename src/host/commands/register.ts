import * as vscode from 'vscode';
import { guarded } from './guarded';
import { commandId, COMMAND_NAMES } from './commandIds';
import type { CommandName } from './commandIds';
import type { Services } from '../services';
import { addSubgoal, logAWin, reframeArousal, togglePause } from './inSession';
import { endAndReview } from './end';
import { addVicariousModel, rateDomain, recordEncouragement, showEvidence, weeklyReflection } from './practices';
import { selfTalk } from './selfTalk';
import { startFocusSession } from './start';
import { exportData, importData, writeWeeklyReview } from './transfer';
import { sessionMenu } from './menu';
import { writeMyReview } from './myReview';
import { deleteEverything, editOrDelete, showSetAside } from './records';
import { chooseJournalFolder, syncJournalFolder } from './journalFolder';
import type { FolderChoice } from './journalFolder';
import { restoreFromBackup } from './backups';
import type { BackupShelf } from './backups';

type Handler = (ctx: Services) => Promise<void>;

/** One handler per command; the Record type makes a missing one a compile error. */
export function handlers(
  runCommand: (name: CommandName) => Promise<void>,
  openDashboard: () => Promise<void>,
  showProgress: () => void,
  folders: FolderChoice,
  backups: BackupShelf,
): Record<CommandName, Handler> {
  return {
    startSession: startFocusSession,
    addSubgoal,
    logWin: logAWin,
    selfTalk,
    reframeArousal,
    togglePause,
    endSession: endAndReview,
    rateDomain,
    weeklyReflection,
    weeklyReview: writeWeeklyReview,
    writeReview: (ctx) => writeMyReview(ctx),
    addModel: addVicariousModel,
    recordEncouragement,
    showEvidence,
    exportData,
    importData,
    sessionMenu: (ctx) => sessionMenu(ctx, runCommand),
    openDashboard: () => openDashboard(),
    editOrDelete,
    deleteAllData: (ctx) => deleteEverything(ctx, folders, backups),
    showSetAside,
    showProgress: () => Promise.resolve(showProgress()),
    chooseJournalFolder: (ctx) => chooseJournalFolder(ctx, folders),
    syncJournalFolder: (ctx) => syncJournalFolder(ctx, folders),
    restoreFromBackup: (ctx) => restoreFromBackup(ctx, backups),
  };
}

/** Registers every command; a failure becomes a clear error message, never an unhandled rejection. */
export function registerCommands(ctx: Services, table: Record<CommandName, Handler>): vscode.Disposable[] {
  return COMMAND_NAMES.map((name) =>
    vscode.commands.registerCommand(commandId(name), () => guarded(ctx, table[name])),
  );
}
