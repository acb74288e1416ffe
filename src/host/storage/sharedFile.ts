import * as vscode from 'vscode';

/** A small JSON value every window reads and writes, the last writer winning. */
export interface SharedValue {
  read(): Promise<unknown>;
  write(value: unknown): Promise<void>;
}

/**
 * A shared value in its own file under globalStorageUri, not in globalState: a globalState write of
 * any key stores the window's whole copy of it, journal included, so a window that writes often
 * (at every focus change) could store a journal older than another window's latest write.
 */
export function sharedFile(folder: vscode.Uri, name: string): SharedValue {
  const file = vscode.Uri.joinPath(folder, name);
  const ready = Promise.resolve(vscode.workspace.fs.createDirectory(folder)).catch(() => undefined);
  return {
    async read() {
      try {
        return JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file))) as unknown;
      } catch {
        // None yet, or unreadable: no value.
        return undefined;
      }
    },
    async write(value) {
      await ready;
      await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(JSON.stringify(value)));
    },
  };
}
