import * as vscode from 'vscode';
import type * as NodeFs from 'node:fs';

/** A file of the journal folder: "<device id>/<name>", with its size in bytes. */
export interface LogFile {
  path: string;
  size: number;
}

/** The journal folder as the journal folder sync needs it; a folder on disk in the extension, memory in tests. */
export interface LogFolder {
  /** Every file one level down (in each device's folder); throws when the folder cannot be reached. */
  list(): Promise<LogFile[]>;
  /** A file's bytes (the reader keeps where it stopped, and how the file began). */
  read(file: string): Promise<Uint8Array>;
  /** Adds text at the end of a file (made, with its folder, when missing). */
  append(file: string, text: string): Promise<void>;
  /** Puts `text` in place of a file at once: a reader (or a sync tool) sees the old file or the new one, never half of one. */
  replace(file: string, text: string): Promise<void>;
  /** Deletes these files, and each device's folder left empty. */
  remove(files: readonly string[]): Promise<void>;
}

/**
 * The Node file system's own append, where there is one (the desktop and remote extension hosts): two
 * windows of one machine adding lines to one file at once both keep theirs. A web worker has none.
 */
function nodeAppend(): ((file: string, text: string) => Promise<void>) | undefined {
  if (typeof process === 'undefined' || !process.versions?.node) return undefined;
  // Required here, never at load, so the web bundle (which leaves node:fs out) loads too.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fs = require('node:fs') as typeof NodeFs;
  return (file, text) => fs.promises.appendFile(file, text, 'utf8');
}

/** The journal folder at `root`, through VS Code's file system. */
export function logFolderAt(root: vscode.Uri): LogFolder {
  const fsApi = vscode.workspace.fs;
  const uri = (file: string) => vscode.Uri.joinPath(root, ...file.split('/'));
  const append = root.scheme === 'file' ? nodeAppend() : undefined;
  return {
    async list() {
      const dirs = (await fsApi.readDirectory(root)).filter(([, type]) => type === vscode.FileType.Directory).map(([dir]) => dir);
      // A device's folder that went away between the two reads (a sync tool moving it) has no files now.
      const listed = await Promise.all(dirs.map((dir) => Promise.resolve(fsApi.readDirectory(vscode.Uri.joinPath(root, dir))).then((names) => names.filter(([, kind]) => kind === vscode.FileType.File).map(([name]) => `${dir}/${name}`), () => [] as string[])));
      // Asked all at once: a window's start looks at every device's months, and each look is a round trip.
      const files = await Promise.all(listed.flat().map((path) => Promise.resolve(fsApi.stat(uri(path))).then((stat) => ({ path, size: stat.size }), () => undefined)));
      return files.filter((file): file is LogFile => file !== undefined);
    },
    read(file) {
      return Promise.resolve(fsApi.readFile(uri(file)));
    },
    async append(file, text) {
      const target = uri(file);
      await fsApi.createDirectory(vscode.Uri.joinPath(target, '..'));
      if (append) return append(target.fsPath, text);
      let before: Uint8Array = new Uint8Array();
      try {
        before = await fsApi.readFile(target);
      } catch {
        // A new month's file.
      }
      const added = new TextEncoder().encode(text);
      const whole = new Uint8Array(before.length + added.length);
      whole.set(before);
      whole.set(added, before.length);
      await fsApi.writeFile(target, whole);
    },
    async replace(file, text) {
      const [dir, name] = file.split('/');
      // A dot name that is not a log file: no reader takes the half-written copy for input.
      const partial = uri(`${dir}/.${name}.partial`);
      try {
        await fsApi.writeFile(partial, new TextEncoder().encode(text));
        await fsApi.rename(partial, uri(file), { overwrite: true });
      } catch (error) {
        await Promise.resolve(fsApi.delete(partial)).catch(() => undefined);
        throw error;
      }
    },
    async remove(files) {
      for (const file of files) await Promise.resolve(fsApi.delete(uri(file))).catch(() => undefined);
      // Only a device's folder left empty goes: whatever else the user keeps there stays.
      for (const dir of new Set(files.map((f) => f.split('/')[0] as string))) {
        const left = await Promise.resolve(fsApi.readDirectory(vscode.Uri.joinPath(root, dir))).catch(() => undefined);
        if (left && left.length === 0) await Promise.resolve(fsApi.delete(vscode.Uri.joinPath(root, dir))).catch(() => undefined);
      }
    },
  };
}
