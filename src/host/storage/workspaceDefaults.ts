import { workspaceDefaultsSchema } from '../../core/records/schema';
import type { WorkspaceDefaults } from '../../core/records/schema';
import type { MementoLike } from '../platform/mementoLike';

const KEY = 'defaults';

/** Per-workspace defaults (last domain, planned length) in workspaceState. */
export class WorkspaceDefaultsStore {
  readonly #memento: MementoLike;

  constructor(memento: MementoLike) {
    this.#memento = memento;
  }

  get(): WorkspaceDefaults {
    const parsed = workspaceDefaultsSchema.safeParse(this.#memento.get(KEY));
    // A bad value here only costs a default, so it falls back silently to none.
    return parsed.success ? parsed.data : {};
  }

  async set(change: WorkspaceDefaults): Promise<void> {
    await this.#memento.update(KEY, { ...this.get(), ...change });
  }

  async clear(): Promise<void> {
    await this.#memento.update(KEY, undefined);
  }
}
