/** The prompts a flow needs. The VS Code implementation is in vscodeUi.ts; tests script a fake one. */
export interface PickItem<T> {
  label: string;
  /** A codicon name shown before the label; labels themselves never carry `$(…)` syntax. */
  icon?: string;
  description?: string;
  detail?: string;
  value: T;
}

export interface Step {
  step: number;
  totalSteps: number;
}

export interface PickOptions {
  title: string;
  placeholder: string;
  step?: Step;
  /** The value of the item to highlight first. */
  active?: unknown;
}

export interface InputOptions {
  title: string;
  prompt: string;
  placeholder?: string;
  value?: string;
  step?: Step;
  /** Returns a message while the text is not acceptable; the box stays open until it is. */
  validate: (text: string) => string | undefined;
}

/** A button in a quick input's title bar, e.g. "change the domain". */
export interface InputButton {
  id: string;
  icon: string;
  tooltip: string;
}

export interface ComposeOptions<T> {
  title: string;
  placeholder: string;
  /** Rows to pick instead of typing; they stay listed while the user types. */
  items: readonly PickItem<T>[];
  buttons: readonly InputButton[];
  /**
   * What Enter does with the typed text ("Start with this subgoal"), beside it on its row. The row's
   * label is the text itself, so VS Code, which sorts rows by how well their label matches what is
   * typed, puts it first: Enter never picks a listed row that merely contains the words.
   */
  typedHint: string;
  /** How the typed text is shown as its row's label (the rendered surface makes it inert). */
  typedLabel?: (text: string) => string;
  /** A message while the typed text is not acceptable (too long, say); Enter then does nothing. */
  validate?: (text: string) => string | undefined;
  /** Text already in the box (kept when the user comes back from a button). */
  value?: string;
}

/** What a compose box gave: a picked row, typed text, or a title-bar button (the text so far with it). */
export type Composed<T> = { kind: 'item'; value: T; text: string } | { kind: 'text'; text: string } | { kind: 'button'; id: string; text: string };

export interface SaveOptions {
  title: string;
  kind: 'json' | 'markdown' | 'csv';
  /** Open the written file in an editor. */
  open?: boolean;
}

export interface Ui {
  pick<T>(items: readonly PickItem<T>[], options: PickOptions): Promise<T | undefined>;
  /** Several rows at once (checkboxes); `selected` are checked at first. Undefined when cancelled. */
  pickMany<T>(items: readonly PickItem<T>[], options: PickOptions & { selected: readonly T[] }): Promise<T[] | undefined>;
  /** One box to type in or pick from, with title-bar buttons: a whole step in one interaction. */
  compose<T>(options: ComposeOptions<T>): Promise<Composed<T> | undefined>;
  input(options: InputOptions): Promise<string | undefined>;
  info(message: string, ...actions: string[]): Promise<string | undefined>;
  warn(message: string, ...actions: string[]): Promise<string | undefined>;
  error(message: string): void;
  /** A modal question before something that cannot be undone; true only when the user chose `action`. */
  confirm(message: string, action: string): Promise<boolean>;
  /** Asks where to save; returns a label for the written file, or undefined when cancelled. */
  saveText(suggestedName: string, content: string, options?: SaveOptions): Promise<string | undefined>;
  /** Opens `content` in a new untitled editor, for the user to edit and save like any document. */
  openUntitled(content: string, language: 'markdown'): Promise<void>;
  /** Asks for a file to read; undefined when cancelled. */
  openText(): Promise<string | undefined>;
  /** Asks for a folder on this host's disk; its path, or undefined when cancelled. */
  pickFolder(title: string, openLabel: string): Promise<string | undefined>;
}
