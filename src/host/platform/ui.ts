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

export interface SaveOptions {
  title: string;
  kind: 'json' | 'markdown';
  /** Open the written file in an editor. */
  open?: boolean;
}

export interface Ui {
  pick<T>(items: readonly PickItem<T>[], options: PickOptions): Promise<T | undefined>;
  input(options: InputOptions): Promise<string | undefined>;
  info(message: string, ...actions: string[]): Promise<string | undefined>;
  warn(message: string, ...actions: string[]): Promise<string | undefined>;
  error(message: string): void;
  /** A modal question before something that cannot be undone; true only when the user chose `action`. */
  confirm(message: string, action: string): Promise<boolean>;
  /** Asks where to save; returns a label for the written file, or undefined when cancelled. */
  saveText(suggestedName: string, content: string, options?: SaveOptions): Promise<string | undefined>;
  /** Asks for a file to read; undefined when cancelled. */
  openText(): Promise<string | undefined>;
}
