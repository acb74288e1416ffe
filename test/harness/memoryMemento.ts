import type { MementoLike } from '../../src/host/platform/mementoLike';

/** A Memento that stores what VS Code would: a JSON copy, so nothing non-serialisable slips through. */
export class MemoryMemento implements MementoLike {
  readonly data = new Map<string, unknown>();
  writes = 0;
  get(key: string): unknown {
    return this.data.get(key);
  }
  update(key: string, value: unknown): Promise<void> {
    this.writes++;
    if (value === undefined) this.data.delete(key);
    else this.data.set(key, JSON.parse(JSON.stringify(value)));
    return Promise.resolve();
  }
  keys(): readonly string[] {
    return [...this.data.keys()];
  }
}
