/** An ExtensionContext stand-in for the bench harnesses: in-memory state, no storage on disk. */
import type { ExtensionContext } from 'vscode';
import { MemoryMemento } from '../harness/memoryMemento';

/** globalState also takes the keys Settings Sync carries; the bench does not measure syncing. */
class GlobalState extends MemoryMemento {
  setKeysForSync(): void {
    // Nothing to sync in the bench.
  }
}

export type FakeContext = ExtensionContext & { subscriptions: { dispose(): unknown }[] };

/** A context whose globalState holds `journal` (none: a first start). */
export function fakeContext(journal?: unknown): FakeContext {
  const globalState = new GlobalState();
  if (journal) globalState.data.set('journal', journal);
  return {
    globalState,
    workspaceState: new MemoryMemento(),
    subscriptions: [],
    extensionUri: { path: '/ext' },
    globalStorageUri: { path: '/storage' },
    // A desktop window's local extension host, where Small Wins runs by default.
    extension: { id: 'small-wins.small-wins', extensionKind: 1 },
  } as unknown as FakeContext;
}
