import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { ArchiveFiles } from '../../src/host/storage/archive';

/** The archive folder on disk, as VS Code's file system keeps it under globalStorageUri. */
export function diskArchiveFiles(folder: string): ArchiveFiles {
  return {
    async list() {
      return fs.readdir(folder).catch(() => []);
    },
    read(name) {
      return fs.readFile(path.join(folder, name), 'utf8');
    },
    async write(name, text) {
      await fs.mkdir(folder, { recursive: true });
      await fs.writeFile(path.join(folder, `${name}.partial`), text);
      await fs.rename(path.join(folder, `${name}.partial`), path.join(folder, name));
    },
    remove(name) {
      return fs.rm(path.join(folder, name));
    },
  };
}
