import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { LogFile, LogFolder } from '../../src/host/storage/logFolder';

/** The journal folder on disk, as the extension reads it (host/storage/logFolder.ts does it through VS Code's file API). */
export function diskLogFolder(root: string): LogFolder {
  return {
    async list() {
      const dirs = (await fs.readdir(root, { withFileTypes: true })).filter((dir) => dir.isDirectory()).map((dir) => dir.name);
      const listed = await Promise.all(dirs.map(async (dir) => (await fs.readdir(path.join(root, dir))).map((name) => `${dir}/${name}`)));
      // All at once, as the extension asks VS Code's file system.
      return Promise.all(listed.flat().map(async (file): Promise<LogFile> => ({ path: file, size: (await fs.stat(path.join(root, file))).size })));
    },
    read(file) {
      return fs.readFile(path.join(root, file));
    },
    async append(file, text) {
      await fs.mkdir(path.dirname(path.join(root, file)), { recursive: true });
      await fs.appendFile(path.join(root, file), text);
    },
    async replace(file, text) {
      const partial = path.join(root, `${file}.partial`);
      await fs.writeFile(partial, text);
      await fs.rename(partial, path.join(root, file));
    },
    async remove(files) {
      for (const file of files) await fs.rm(path.join(root, file), { force: true });
    },
  };
}
