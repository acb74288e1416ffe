/**
 * The part of the `vscode` API Small Wins touches, as inert stand-ins, so the bench can activate the
 * real extension code in plain Node and count the timers it creates. Nothing here schedules work.
 */
import { format } from '../../src/core/l10n';

const noop = () => undefined;
const disposable = { dispose: noop };
const event = () => disposable;

export class Disposable {
  constructor(private readonly callback: () => void) {}
  static from(...items: { dispose(): unknown }[]): Disposable {
    return new Disposable(() => items.forEach((i) => i.dispose()));
  }
  dispose(): void {
    this.callback();
  }
}

export enum StatusBarAlignment {
  Left = 1,
  Right = 2,
}

export class ThemeIcon {
  constructor(readonly id: string) {}
}

export enum ViewColumn {
  Active = -1,
  Beside = -2,
}

export class RelativePattern {
  constructor(readonly base: unknown, readonly pattern: string) {}
}

export const Uri = {
  joinPath: (base: { path: string }, ...parts: string[]) => ({ path: [base.path, ...parts].join('/'), toString: () => [base.path, ...parts].join('/') }),
  file: (path: string) => ({ path }),
};

export const window = {
  createStatusBarItem: () => ({ text: '', tooltip: '', show: noop, hide: noop, dispose: noop }),
  onDidChangeWindowState: event,
  registerWebviewViewProvider: () => disposable,
  registerWebviewPanelSerializer: () => disposable,
  showInformationMessage: () => Promise.resolve(undefined),
  showWarningMessage: () => Promise.resolve(undefined),
  showErrorMessage: () => Promise.resolve(undefined),
};

export const workspace = {
  name: 'bench',
  getConfiguration: () => ({ get: () => undefined }),
  onDidChangeConfiguration: event,
  onDidChangeTextDocument: event,
  onDidChangeWorkspaceFolders: event,
  workspaceFolders: undefined,
  createFileSystemWatcher: () => ({ onDidChange: event, onDidCreate: event, onDidDelete: event, dispose: noop }),
  fs: {
    createDirectory: () => Promise.resolve(),
    writeFile: () => Promise.resolve(),
    rename: () => Promise.resolve(),
    delete: () => Promise.resolve(),
    readFile: () => Promise.resolve(new Uint8Array()),
    readDirectory: () => Promise.resolve([]),
  },
};

export const commands = {
  registerCommand: () => disposable,
  executeCommand: () => Promise.resolve(undefined),
};

export const l10n = { t: format, bundle: undefined };

export enum UIKind {
  Desktop = 1,
  Web = 2,
}

export enum ExtensionKind {
  UI = 1,
  Workspace = 2,
}

export enum ConfigurationTarget {
  Global = 1,
}

export const env = { language: 'en', uiKind: UIKind.Desktop };

export const tasks = { onDidEndTaskProcess: event };

export const languages = { onDidChangeDiagnostics: event, getDiagnostics: () => [] };

export const extensions = { getExtension: () => undefined };

export const TaskGroup = { Test: { id: 'test' }, Build: { id: 'build' } };

export enum FileType {
  File = 1,
  Directory = 2,
}

export class FileSystemError extends Error {
  code = 'FileNotFound';
}

export enum DiagnosticSeverity {
  Error = 0,
  Warning = 1,
}
