/**
 * The data folders of the VS Code servers on a remote host (SSH, WSL, containers, Codespaces, and
 * code-server's own), relative to a home folder: where a Small Wins that ran on that host kept the
 * archive of its closed sessions, before it asked to run beside the window (extensionKind "ui").
 */
const SERVER_DATA = ['.vscode-server/data', '.vscode-server-insiders/data', '.vscode-remote/data', '.vscodium-server/data', '.local/share/code-server'];

/**
 * Where to look on a remote host for global storage left there, as POSIX paths: under each folder
 * that holds a workspace folder (the home folder is usually one of them) and under each home given.
 */
export function leftBehindPlaces(workspaceFolders: readonly string[], homes: readonly string[], extensionId: string): string[] {
  const roots = new Set<string>();
  for (const folder of workspaceFolders) {
    const parts = folder.split('/').filter((part) => part !== '');
    for (let depth = parts.length; depth >= 1; depth--) roots.add(`/${parts.slice(0, depth).join('/')}`);
  }
  for (const home of homes) roots.add(home.replace(/\/+$/, '') || '/');
  return [...roots].flatMap((root) => SERVER_DATA.map((data) => `${root === '/' ? '' : root}/${data}/User/globalStorage/${extensionId.toLowerCase()}`));
}
