import * as vscode from 'vscode';
import { gitDirOf } from '../../core/practices/suggestions';
import { exists } from '../platform/fileExists';

/** Folders that are not repositories of the user's own work, however many there are. */
const SKIPPED = new Set(['node_modules', '.git', '.hg', '.svn']);

/**
 * The reflogs (`.git/logs/HEAD`) of the repositories in a workspace folder: the folder's own and those
 * one folder down, as Git's default scan finds them; a worktree's `.git` file names where its own
 * is (a worktree, a submodule). Read through VS Code's file system, so also from the user's machine in a remote window.
 */
export async function findReflogs(folder: vscode.Uri): Promise<vscode.Uri[]> {
  const entries = await Promise.resolve(vscode.workspace.fs.readDirectory(folder)).catch(() => [] as [string, vscode.FileType][]);
  const candidates = [folder, ...entries.filter(([name, type]) => type & vscode.FileType.Directory && !SKIPPED.has(name)).map(([name]) => vscode.Uri.joinPath(folder, name))];
  const found = await Promise.all(candidates.map((dir) => reflogOf(dir)));
  return found.filter((uri): uri is vscode.Uri => uri !== undefined);
}

async function reflogOf(dir: vscode.Uri): Promise<vscode.Uri | undefined> {
  const dotGit = vscode.Uri.joinPath(dir, '.git');
  const stat = await Promise.resolve(vscode.workspace.fs.stat(dotGit)).catch(() => undefined);
  if (!stat) return undefined;
  let gitDir = dotGit;
  if (stat.type & vscode.FileType.File) {
    const text = new TextDecoder().decode(await Promise.resolve(vscode.workspace.fs.readFile(dotGit)).catch(() => new Uint8Array()));
    const found = gitDirOf(text);
    if (!found) return undefined;
    gitDir = found.absolute ? dir.with({ path: found.path.startsWith('/') ? found.path : `/${found.path}` }) : vscode.Uri.joinPath(dir, found.path);
  }
  const reflog = vscode.Uri.joinPath(gitDir, 'logs', 'HEAD');
  return (await exists(reflog)) ? reflog : undefined;
}
