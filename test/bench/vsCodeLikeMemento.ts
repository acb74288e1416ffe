import type { MementoLike } from '../../src/host/platform/mementoLike';

/** Stores the whole extension blob as VS Code does: one JSON value per extension, written whole. */
export class VsCodeLikeMemento implements MementoLike {
  private value: Record<string, unknown> = {};
  serialized = '{}';
  get(key: string): unknown {
    return this.value[key];
  }
  update(key: string, value: unknown): Promise<void> {
    this.value = { ...this.value, [key]: JSON.parse(JSON.stringify(value)) as unknown };
    this.serialized = JSON.stringify(this.value);
    return Promise.resolve();
  }
  keys(): readonly string[] {
    return Object.keys(this.value);
  }
}

