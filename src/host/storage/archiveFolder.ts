import * as vscode from 'vscode';
import type { ArchiveFiles } from './archiveFiles';

/** The archive's files in a folder of globalStorageUri, through VS Code's file system (desktop and web). */
export function archiveFolder(globalStorage: vscode.Uri): ArchiveFiles {
  const folder = vscode.Uri.joinPath(globalStorage, 'archive');
  const file = (name: string) => vscode.Uri.joinPath(folder, name);
  return {
    async list() {
      try {
        const entries = await vscode.workspace.fs.readDirectory(folder);
        return entries.filter(([, type]) => type === vscode.FileType.File).map(([name]) => name);
      } catch (error) {
        if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return [];
        throw error;
      }
    },
    async read(name) {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(file(name)));
    },
    async write(name, text) {
      // Written beside it and renamed, so a reader never sees half a file.
      const partial = file(`${name}.partial`);
      await vscode.workspace.fs.createDirectory(folder);
      await vscode.workspace.fs.writeFile(partial, new TextEncoder().encode(text));
      await vscode.workspace.fs.rename(partial, file(name), { overwrite: false });
    },
    async remove(name) {
      await vscode.workspace.fs.delete(file(name));
    },
  };
}
