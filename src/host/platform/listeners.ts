import type { DisposableLike } from './mementoLike';

/** The listeners of one kind of change: the stores' small stand-in for vscode.EventEmitter, usable without VS Code. */
export class Listeners<T extends unknown[] = []> {
  readonly #set = new Set<(...args: T) => void>();

  add(listener: (...args: T) => void): DisposableLike {
    this.#set.add(listener);
    return { dispose: () => this.#set.delete(listener) };
  }

  fire(...args: T): void {
    for (const listener of this.#set) listener(...args);
  }
}
