import type { LogFile, LogFolder } from '../../src/host/storage/logFolder';

/** A journal folder in memory, as one machine sees it: a sync tool (the test) changes its files, and it can be out of reach. */
export class MemoryLogFolder implements LogFolder {
  readonly files = new Map<string, Uint8Array>();
  reachable = true;

  #check(): void {
    if (!this.reachable) throw new Error('the folder is not mounted');
  }

  list(): Promise<LogFile[]> {
    this.#check();
    return Promise.resolve([...this.files].map(([path, bytes]) => ({ path, size: bytes.length })));
  }

  read(file: string): Promise<Uint8Array> {
    this.#check();
    const bytes = this.files.get(file);
    if (!bytes) return Promise.reject(new Error(`no file ${file}`));
    return Promise.resolve(bytes.slice());
  }

  append(file: string, text: string): Promise<void> {
    this.#check();
    const before = this.files.get(file) ?? new Uint8Array();
    const added = new TextEncoder().encode(text);
    const whole = new Uint8Array(before.length + added.length);
    whole.set(before);
    whole.set(added, before.length);
    this.files.set(file, whole);
    return Promise.resolve();
  }

  replace(file: string, text: string): Promise<void> {
    this.#check();
    this.files.set(file, new TextEncoder().encode(text));
    return Promise.resolve();
  }

  remove(files: readonly string[]): Promise<void> {
    this.#check();
    for (const file of files) this.files.delete(file);
    return Promise.resolve();
  }

  text(file: string): string {
    return new TextDecoder().decode(this.files.get(file) ?? new Uint8Array());
  }
}
