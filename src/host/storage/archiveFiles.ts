/** The folder of archive files; VS Code's file system in the extension, memory or disk in tests. */
export interface ArchiveFiles {
  list(): Promise<string[]>;
  read(name: string): Promise<string>;
  /** Writes a whole file so that it appears complete or not at all. */
  write(name: string, text: string): Promise<void>;
  remove(name: string): Promise<void>;
}
