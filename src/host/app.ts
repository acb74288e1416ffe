import * as vscode from 'vscode';
import { systemClock } from '../core/clock';
import { commandId } from './commands/commandIds';
import type { CommandName } from './commands/commandIds';
import { handlers, registerCommands } from './commands/register';
import type { Services } from './services';
import { JournalStore, SYNCED_KEY } from './storage/journalStore';
import { Archive, uniqueName } from './storage/archive';
import { archiveFolder } from './storage/archiveFolder';
import { deviceId } from './storage/deviceId';
import { EditWatch } from './storage/editWatch';
import { SessionController } from './session/sessionController';
import { VsCodeUi } from './platform/vscodeUi';
import { RenderedUi } from './platform/renderedUi';
import { readSettings } from './platform/vscodeSettings';
import { WorkspaceDefaultsStore } from './storage/workspaceDefaults';
import { DashboardProvider, DASHBOARD_VIEW_ID } from './dashboard/dashboardProvider';
import { ProgressPanel } from './progress/progressPanel';
import { ChangeSignal } from './storage/changeSignal';
import { sharedFile } from './storage/sharedFile';
import { EvidenceWatcher } from './suggestions/evidenceWatcher';
import { SuggestionBox } from './suggestions/suggestionBox';
import { registerAssistantTools } from './assistant/lmTools';
import { JournalFolderService } from './storage/journalFolderService';
import { Backups } from './storage/backups';
import { UserTimeZone } from './platform/timeZone';
import { remoteLeftBehind } from './storage/remotePlaces';
import { bringHomeLeftBehind } from './storage/leftBehind';
import { present } from './commands/present';
import type * as NodeOs from 'node:os';
import { t, useTranslator } from '../core/l10n';
import { errorText } from '../core/text';

/** Builds the services and wires them to VS Code; everything it creates is disposed with the result. */
export function createSmallWins(context: vscode.ExtensionContext): vscode.Disposable {
  // Sentences built in core come out in the display language too, when VS Code has a translation
  // for it; without one they are English, and so are the lists inside them.
  useTranslator((message, ...args) => vscode.l10n.t(message, ...args), vscode.l10n.bundle ? vscode.env.language : 'en');
  // Every prompt and notification renders user text as inert text (renderedUi.ts).
  const ui = new RenderedUi(new VsCodeUi());
  // Each window tells the others when it wrote the journal, and refreshes when they do.
  const signal = new ChangeSignal(context.globalStorageUri, () => store.refresh());
  const report = (problem: string) => ui.error(problem);
  const archive = new Archive(archiveFolder(context.globalStorageUri), report, uniqueName);
  const store = new JournalStore(context.globalState, systemClock, report, { signal: () => signal.send(), archive });
  // A journal written before there was an archive moves its closed history there once.
  void store.tidy().catch((error: unknown) => report(errorText(error)));
  const run = async (name: CommandName) => {
    await vscode.commands.executeCommand(commandId(name));
  };
  // Domains, cues and models follow the user through Settings Sync; the journal itself stays local.
  context.globalState.setKeysForSync([SYNCED_KEY]);
  const suggestions = new SuggestionBox(store);
  const ctx: Services = {
    ui,
    store,
    suggestions,
    defaults: new WorkspaceDefaultsStore(context.workspaceState),
    clock: systemClock,
    settings: readSettings,
    language: vscode.env.language,
    workspaceLabel: () => vscode.workspace.name ?? t('No folder'),
    run,
    device: deviceId(context.globalState),
    edits: new EditWatch(systemClock),
    // The status bar belongs to the session controller, created below with these services.
    flash: (text) => controller.flash(text),
    learnTimeZone: (name) => zone.learn(name),
  };
  // Days are cut in the user's own time zone, also where the extension runs on a remote machine.
  const zone = new UserTimeZone({
    memento: context.globalState,
    setting: () => readSettings().timeZone,
    changed: () => {
      dashboard.sendSnapshot();
      progress.refresh();
    },
    report,
  });
  const controller = new SessionController(ctx, sharedFile(context.globalStorageUri, 'activity.json'));
  const dashboard: DashboardProvider = new DashboardProvider(context.extensionUri, ctx, () => folder.line());
  // The journal folder the user chose, which a sync tool carries between machines.
  const folder: JournalFolderService = new JournalFolderService({
    store,
    device: ctx.device,
    clock: systemClock,
    memento: context.globalState,
    settings: readSettings,
    changed: () => dashboard.sendSnapshot(),
    serverFolder: serverJournalFolder(context),
  });
  const backups = new Backups({
    folder: backupFolder(context),
    store,
    clock: systemClock,
    // A journal folder keeps the record on other machines already.
    wanted: () => readSettings().dailyBackups && readSettings().journalFolder === '',
    report: (problem) => ui.error(t('Small Wins could not write its daily backup ({0}).', problem)),
  });
  const progress = new ProgressPanel(context.extensionUri, ctx);
  const openDashboard = async () => {
    await vscode.commands.executeCommand(`${DASHBOARD_VIEW_ID}.focus`);
  };
  zone.apply();
  // A Small Wins that once ran on this window's remote host left its closed sessions there: brought home once.
  const leftBehind = remoteLeftBehind(context);
  if (leftBehind) void bringHomeLeftBehind(ctx, { memento: context.globalState, ...leftBehind }).then((notices) => present(ctx, notices), () => undefined);
  const disposables: vscode.Disposable[] = [
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('smallWins.timeZone') && zone.apply()),
    signal,
    controller,
    folder,
    backups.schedule(),
    new EvidenceWatcher(store, suggestions, systemClock, readSettings),
    vscode.window.registerWebviewViewProvider(DASHBOARD_VIEW_ID, dashboard),
    dashboard,
    progress,
    ...registerCommands(ctx, handlers(run, openDashboard, () => progress.show(), folder, backups)),
    // Language model tools for the user's AI assistant; skipped on hosts without vscode.lm.registerTool.
    ...registerAssistantTools(vscode, ctx),
  ];
  return vscode.Disposable.from(...disposables);
}

/**
 * Running on a server for a browser (code-server, Codespaces in a browser), globalState is kept in
 * each browser while the archive is on the server: the record is kept in files on the server too, so
 * every browser that opens it sees one journal. A web worker in the browser (vscode.dev) and a
 * desktop window have one globalState per machine already.
 */
function serverJournalFolder(context: vscode.ExtensionContext): vscode.Uri | undefined {
  const onServer = context.extension.extensionKind === vscode.ExtensionKind.Workspace;
  return vscode.env.uiKind === vscode.UIKind.Web && onServer ? vscode.Uri.joinPath(context.globalStorageUri, 'journal') : undefined;
}

/** "Small Wins backups" in the home folder, where the user finds them; in a browser's worker, the extension's own storage. */
function backupFolder(context: vscode.ExtensionContext): vscode.Uri {
  if (typeof process === 'undefined' || !process.versions?.node) return vscode.Uri.joinPath(context.globalStorageUri, 'backups');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const os = require('node:os') as typeof NodeOs;
  return vscode.Uri.joinPath(vscode.Uri.file(os.homedir()), 'Small Wins backups');
}
