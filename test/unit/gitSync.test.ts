import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { syncWithGit } from '../../src/host/storage/gitSync';

const run = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: 'pipe', env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } }).trim();

/** A bare repository (the remote) and two clones of it (two machines), each with a journal folder inside. */
function repositories() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'small-wins-git-'));
  const remote = path.join(root, 'remote.git');
  run(root, 'init', '--quiet', '--bare', '--initial-branch=main', remote);
  const clone = (name: string) => {
    const dir = path.join(root, name);
    run(root, 'clone', '--quiet', remote, dir);
    run(dir, 'checkout', '--quiet', '-B', 'main');
    fs.mkdirSync(path.join(dir, 'journal'));
    return dir;
  };
  const one = clone('one');
  // The repository holds other things too, which Small Wins never commits.
  fs.writeFileSync(path.join(one, 'notes.md'), 'mine\n');
  run(one, '-c', 'user.name=T', '-c', 'user.email=t@t', 'commit', '--quiet', '--allow-empty', '-m', 'start');
  run(one, 'push', '--quiet', '-u', 'origin', 'main');
  const two = clone('two');
  run(two, 'branch', '--quiet', '--set-upstream-to=origin/main', 'main');
  return { root, remote, one: path.join(one, 'journal'), two: path.join(two, 'journal'), oneRepo: one };
}

function writeLine(folder: string, device: string, line: string): void {
  fs.mkdirSync(path.join(folder, device), { recursive: true });
  fs.appendFileSync(path.join(folder, device, '2026-12.jsonl'), `${line}\n`);
}

describe('Sync Journal Folder, for a journal folder in a git repository', () => {
  it("commits this device's files only, pulls with rebase and pushes, so the other machine gets them", async () => {
    const r = repositories();
    writeLine(r.one, 'device-a', '{"log":1,"journal":{"version":4}}');
    assert.deepEqual(await syncWithGit(r.one, 'device-a'), { committed: true });
    writeLine(r.two, 'device-b', '{"log":1,"journal":{"version":4}}');
    assert.deepEqual(await syncWithGit(r.two, 'device-b'), { committed: true });
    assert.ok(fs.existsSync(path.join(r.two, 'device-a', '2026-12.jsonl')), "machine two has machine one's file");
    // Both append again before either syncs; the second rebases over the first without a conflict.
    writeLine(r.one, 'device-a', '{"log":1,"journal":{"version":4},"n":2}');
    writeLine(r.two, 'device-b', '{"log":1,"journal":{"version":4},"n":2}');
    await syncWithGit(r.one, 'device-a');
    assert.deepEqual(await syncWithGit(r.two, 'device-b'), { committed: true });
    await syncWithGit(r.one, 'device-a');
    assert.equal(fs.readFileSync(path.join(r.one, 'device-b', '2026-12.jsonl'), 'utf8').split('\n').filter(Boolean).length, 2);
    assert.equal(fs.readFileSync(path.join(r.two, 'device-a', '2026-12.jsonl'), 'utf8').split('\n').filter(Boolean).length, 2);
    assert.equal(run(r.oneRepo, 'status', '--porcelain'), '?? notes.md', 'nothing else was committed');
    assert.deepEqual(run(r.oneRepo, 'log', '--format=%s').split('\n').filter((l) => l.startsWith('Small Wins')).sort(), ['Small Wins: journal of device device-a', 'Small Wins: journal of device device-a', 'Small Wins: journal of device device-b', 'Small Wins: journal of device device-b']);
    fs.rmSync(r.root, { recursive: true, force: true });
  });

  it('carries an erase everywhere: the files deleted on one machine are deleted on the other', async () => {
    const r = repositories();
    writeLine(r.one, 'device-a', '{"log":1,"journal":{"version":4}}');
    await syncWithGit(r.one, 'device-a');
    writeLine(r.two, 'device-b', '{"log":1,"journal":{"version":4}}');
    await syncWithGit(r.two, 'device-b');
    await syncWithGit(r.one, 'device-a');
    fs.rmSync(path.join(r.one, 'device-a'), { recursive: true });
    fs.rmSync(path.join(r.one, 'device-b'), { recursive: true });
    writeLine(r.one, 'device-a', '{"erase":1,"at":1,"id":"m1"}');
    await syncWithGit(r.one, 'device-a');
    await syncWithGit(r.two, 'device-b');
    assert.deepEqual(fs.readdirSync(r.two).sort(), ['device-a']);
    fs.rmSync(r.root, { recursive: true, force: true });
  });

  it("leaves the user's own work alone: uncommitted changes are not stashed, their commits are not pushed", async () => {
    const r = repositories();
    fs.writeFileSync(path.join(r.oneRepo, 'tracked.md'), 'v1\n');
    run(r.oneRepo, 'add', 'tracked.md');
    run(r.oneRepo, '-c', 'user.name=T', '-c', 'user.email=t@t', 'commit', '--quiet', '-m', 'my own work');
    writeLine(r.one, 'device-a', '{"log":1,"journal":{"version":4}}');
    await assert.rejects(syncWithGit(r.one, 'device-a'), /commits of yours not pushed yet/);
    assert.equal(run(r.oneRepo, 'log', 'origin/main', '--format=%s').includes('my own work'), false, 'not pushed');
    run(r.oneRepo, 'push', '--quiet');
    fs.writeFileSync(path.join(r.oneRepo, 'tracked.md'), 'v2, being written\n');
    writeLine(r.one, 'device-a', '{"log":1,"journal":{"version":4},"n":2}');
    await assert.rejects(syncWithGit(r.one, 'device-a'), /other changes not committed/);
    assert.equal(fs.readFileSync(path.join(r.oneRepo, 'tracked.md'), 'utf8'), 'v2, being written\n', 'not stashed');
    fs.rmSync(r.root, { recursive: true, force: true });
  });

  it('offline, keeps the commit and says why; a folder outside git is refused with a clear message', async () => {
    const r = repositories();
    fs.rmSync(r.remote, { recursive: true, force: true });
    writeLine(r.one, 'device-a', '{"log":1,"journal":{"version":4}}');
    const result = await syncWithGit(r.one, 'device-a');
    assert.equal(result.committed, true);
    assert.ok(result.offline && result.offline.length > 0, 'says why');
    assert.match(run(r.oneRepo, 'log', '-1', '--format=%s'), /Small Wins: journal of device device-a/, 'the commit waits');
    const plain = fs.mkdtempSync(path.join(os.tmpdir(), 'small-wins-plain-'));
    await assert.rejects(syncWithGit(plain, 'device-a'), /is not in a git repository/);
    fs.rmSync(r.root, { recursive: true, force: true });
    fs.rmSync(plain, { recursive: true, force: true });
  });
});
