import * as vscode from 'vscode';
import { leftBehindPlaces } from '../../core/records/leftBehind';
import { archiveFolder } from './archiveFolder';
import { exists } from '../platform/fileExists';
import type { LeftBehindPlace } from './leftBehind';

/**
 * In a remote window where Small Wins runs beside the window (SSH, WSL, a container, or a browser's
 * worker on a server): the remote
 * host, and the places there where a Small Wins that ran on it may have left its archive. Undefined
 * in any other window.
 */
export function remoteLeftBehind(context: vscode.ExtensionContext): { host: string; hostName: string; places: () => Promise<LeftBehindPlace[]> } | undefined {
  if (context.extension.extensionKind !== vscode.ExtensionKind.UI) return undefined;
  const folders = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri).filter((uri) => uri.scheme === 'vscode-remote');
  const base = folders[0];
  if (!base) return undefined;
  return {
    host: base.authority,
    hostName: hostName(base.authority),
    async places() {
      // Not there yet (the remote still connecting): this throws, and the next window looks again.
      await vscode.workspace.fs.stat(base);
      const home = base.with({ path: '/home' });
      const homes = (await Promise.resolve(vscode.workspace.fs.readDirectory(home)).catch(() => [] as [string, vscode.FileType][]))
        .filter(([, type]) => type & vscode.FileType.Directory)
        .map(([name]) => `/home/${name}`);
      const found: LeftBehindPlace[] = [];
      for (const path of leftBehindPlaces(folders.map((uri) => uri.path), ['/root', ...homes], context.extension.id)) {
        const storage = base.with({ path });
        if (await exists(vscode.Uri.joinPath(storage, 'archive'))) found.push({ where: `${base.authority}${path}`, files: archiveFolder(storage) });
      }
      return found;
    },
  };
}

/** "devbox (ssh-remote)" for "ssh-remote+devbox"; a container's long hex name is left out. */
function hostName(authority: string): string {
  const plus = authority.indexOf('+');
  if (plus < 0) return authority;
  const kind = authority.slice(0, plus);
  const name = authority.slice(plus + 1);
  return /^[0-9a-f]{24,}$/i.test(name) ? kind : `${name} (${kind})`;
}
