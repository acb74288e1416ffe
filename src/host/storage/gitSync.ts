import type * as ChildProcess from 'node:child_process';
import { t } from '../../core/l10n';
import { SessionError } from '../../core/practices/session';

/** What a sync with git did; `offline` holds why the remote could not be reached (the commit waits). */
export interface GitSyncResult {
  committed: boolean;
  offline?: string;
}

interface Run {
  code: number;
  out: string;
}

/** Runs git in `cwd`; never throws for a non-zero exit (the caller reads the code). */
function git(cwd: string, args: readonly string[]): Promise<Run> {
  // Required here, never at load: the web bundle leaves node:child_process out, and a web worker has no git.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { execFile } = require('node:child_process') as typeof ChildProcess;
  return new Promise((resolve) => {
    execFile('git', [...args], { cwd, timeout: 60_000, windowsHide: true, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } }, (error, stdout, stderr) => {
      const code = error ? (typeof (error as { code?: unknown }).code === 'number' ? ((error as { code: number }).code) : -1) : 0;
      resolve({ code, out: `${stdout}${stderr}`.trim() });
    });
  });
}

/** The last line git printed, for a message. */
const lastLine = (text: string) => text.split('\n').filter((l) => l.trim() !== '').pop() ?? text;

/**
 * Small Wins: Sync Journal Folder, when the folder is in a git repository: commits this device's
 * files (and nothing else in the repository), pulls with rebase and pushes. Each device only ever
 * adds lines to its own files, so the rebase never conflicts. Offline, the commit stays for next time.
 */
export async function syncWithGit(folder: string, device: string): Promise<GitSyncResult> {
  const inside = await git(folder, ['rev-parse', '--is-inside-work-tree']);
  if (inside.code !== 0 || inside.out !== 'true') {
    throw new SessionError(inside.code === -1 && /ENOENT/.test(inside.out) ? t('Small Wins could not run git: is it installed?') : t('The journal folder "{0}" is not in a git repository.', folder));
  }
  // This device's files, and the removal of any file of the folder deleted here (an erase everywhere removes every device's).
  const removed = (await git(folder, ['ls-files', '--deleted', '--', '.'])).out.split('\n').filter((f) => f !== '');
  if (removed.length > 0) await git(folder, ['rm', '--cached', '--quiet', '--', ...removed]);
  const mine = ['--', device, ...removed];
  // A repository without an author of its own still takes the commit (and the rebase), named for Small Wins.
  const named = (await git(folder, ['config', 'user.email'])).out !== '';
  const author = named ? [] : ['-c', 'user.name=Small Wins', '-c', 'user.email=small-wins@localhost'];
  await git(folder, ['add', '--', device]);
  const staged = await git(folder, ['diff', '--cached', '--quiet', ...mine]);
  let committed = false;
  if (staged.code === 1) {
    const commit = await git(folder, [...author, 'commit', '--quiet', '-m', `Small Wins: journal of device ${device}`, ...mine]);
    if (commit.code !== 0) throw new SessionError(t('git could not commit the journal ({0}).', lastLine(commit.out)));
    committed = true;
  }
  // The user's own work in the repository is theirs to commit and push: Small Wins neither stashes nor pushes it.
  if ((await git(folder, ['status', '--porcelain', '--untracked-files=no'])).out !== '') {
    throw new SessionError(t('The repository of your journal folder has other changes not committed. Commit or stash them, then sync again; your journal is committed.'));
  }
  const pull = await git(folder, [...author, 'pull', '--rebase', '--quiet']);
  if (pull.code !== 0) {
    // A rebase that stopped half-way is undone, so the repository is as it was before the pull.
    await git(folder, ['rebase', '--abort']);
    return { committed, offline: lastLine(pull.out) };
  }
  const waiting = await git(folder, ['log', '@{u}..HEAD', '--format=%s']);
  if (waiting.out.split('\n').some((subject) => subject !== '' && !subject.startsWith('Small Wins: journal of device'))) {
    throw new SessionError(t('The repository of your journal folder has commits of yours not pushed yet. Push them yourself; Small Wins pushes only its own.'));
  }
  const push = await git(folder, ['push', '--quiet']);
  if (push.code !== 0) return { committed, offline: lastLine(push.out) };
  return { committed };
}
