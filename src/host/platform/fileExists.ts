import * as vscode from 'vscode';

/** Whether VS Code's file system finds something at `uri` (on this machine, or on the remote one a window is on). */
export function exists(uri: vscode.Uri): Promise<boolean> {
  return Promise.resolve(vscode.workspace.fs.stat(uri)).then(
    () => true,
    () => false,
  );
}
