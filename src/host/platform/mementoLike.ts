/** The part of vscode.Memento the stores use, so they run over an in-memory Memento in unit tests. */
export interface MementoLike {
  get(key: string): unknown;
  update(key: string, value: unknown): PromiseLike<void>;
  keys(): readonly string[];
}

export interface DisposableLike {
  dispose(): void;
}
