import * as assert from 'node:assert/strict';
import { leftBehindPlaces } from '../../src/core/records/leftBehind';
import { bringHomeLeftBehind, LEFT_BEHIND_KEY } from '../../src/host/storage/leftBehind';
import { MemoryMemento } from '../harness/memoryMemento';
import { firstSessionMet, harness, MemoryArchiveFiles } from './helpers';

describe('a record left on a remote host is brought home once', () => {
  it('looks under the folders holding the workspace and under each home, in every VS Code server data folder', () => {
    const places = leftBehindPlaces(['/home/me/src/parser'], ['/root', '/home/me'], 'Small-Wins.small-wins');
    assert.ok(places.includes('/home/me/.vscode-server/data/User/globalStorage/small-wins.small-wins'));
    assert.ok(places.includes('/root/.vscode-remote/data/User/globalStorage/small-wins.small-wins'), 'Codespaces');
    assert.ok(places.includes('/home/me/src/.local/share/code-server/User/globalStorage/small-wins.small-wins'));
    assert.equal(new Set(places).size, places.length, 'each place once');
    assert.equal(places.filter((p) => p.startsWith('/home/me/.vscode-server/')).length, 1);
  });

  it('merges the closed sessions a remote copy archived into this machine\'s journal, says so once, and changes nothing there', async () => {
    // A remote window before: the live journal in globalState on this machine, the archive on the remote host.
    const memento = new MemoryMemento();
    const remoteFiles = new MemoryArchiveFiles();
    const remote = harness({ memento, files: remoteFiles, settings: { reviewDepth: 'quick' } });
    await firstSessionMet(remote);
    remote.time.advance(40 * 86_400_000);
    await remote.ctx.store.tidy();
    assert.ok(remoteFiles.files.size > 0, 'the session was archived on the remote host');
    const before = new Map(remoteFiles.files);
    // Now Small Wins runs beside the window: the same globalState, an archive of its own.
    const here = harness({ memento });
    here.time.now = remote.time.now;
    assert.equal((await here.ctx.store.history()).sessions.length, 0, 'the closed session is not here yet');
    const places = () => Promise.resolve([{ where: 'ssh-remote+devbox/home/me/.vscode-server/data/User/globalStorage/small-wins.small-wins', files: remoteFiles }]);
    const notices = await bringHomeLeftBehind(here.ctx, { memento, host: 'ssh-remote+devbox', hostName: 'devbox (ssh-remote)', places });
    assert.equal(notices.length, 1);
    assert.match(notices[0]?.text ?? '', /devbox \(ssh-remote\).*1 session/);
    const history = await here.ctx.store.history();
    assert.deepEqual(history.sessions.map((s) => s.subgoals[0]?.text), ['Lex the numbers']);
    assert.equal(history.sessions[0]?.domainId, history.domains[0]?.id, 'under its domain');
    assert.deepEqual(remoteFiles.files, before, 'the remote files are only read');
    assert.deepEqual(await bringHomeLeftBehind(here.ctx, { memento, host: 'ssh-remote+devbox', hostName: 'devbox (ssh-remote)', places }), [], 'once per host');
    assert.deepEqual((memento.get(LEFT_BEHIND_KEY) as { hosts: string[] }).hosts, ['ssh-remote+devbox']);
  });

  it('a host with nothing left there is looked at once and says nothing', async () => {
    const memento = new MemoryMemento();
    const h = harness({ memento });
    let looks = 0;
    const places = () => {
      looks++;
      return Promise.resolve([{ where: 'wsl+Ubuntu/home/me/.vscode-server/data/User/globalStorage/small-wins.small-wins', files: new MemoryArchiveFiles() }]);
    };
    assert.deepEqual(await bringHomeLeftBehind(h.ctx, { memento, host: 'wsl+Ubuntu', hostName: 'Ubuntu (wsl)', places }), []);
    assert.deepEqual(await bringHomeLeftBehind(h.ctx, { memento, host: 'wsl+Ubuntu', hostName: 'Ubuntu (wsl)', places }), []);
    assert.equal(looks, 1);
  });
});
