/** An ExtensionContext stand-in for the bench harnesses: in-memory state, no storage on disk. */
import type { ExtensionContext } from 'vscode';

class Memento {
  constructor(private readonly data: Record<string, unknown> = {}) {}
  get(key: string): unknown {
    return this.data[key];
  }
  update(key: string, value: unknown): Promise<void> {
    this.data[key] = JSON.parse(JSON.stringify(value));
    return Promise.resolve();
  }
  keys(): readonly string[] {
    return Object.keys(this.data);
  }
  setKeysForSync(): void {
    // Settings Sync is not part of what the bench measures.
  }
}

export type FakeContext = ExtensionContext & { subscriptions: { dispose(): unknown }[] };

/** A context whose globalState holds `journal` (none: a first start). */
export function fakeContext(journal?: unknown): FakeContext {
  return {
    globalState: new Memento(journal ? { journal } : {}),
    workspaceState: new Memento(),
    subscriptions: [],
    extensionUri: { path: '/ext' },
    globalStorageUri: { path: '/storage' },
  } as unknown as FakeContext;
}
