import type { ComposeOptions, Composed, InputOptions, PickItem, PickOptions, SaveOptions, Ui } from './ui';
import { forLabel, forNotification } from '../../core/userText';

/**
 * Every text a flow shows goes through the renderer of its surface here, once, so no flow can forget
 * it: user text never becomes a command link or an icon. The one icon a pick item may carry is the
 * item's own `icon`, added after the label is rendered.
 */
export class RenderedUi implements Ui {
  readonly #inner: Ui;

  constructor(inner: Ui) {
    this.#inner = inner;
  }

  pick<T>(items: readonly PickItem<T>[], options: PickOptions): Promise<T | undefined> {
    return this.#inner.pick(items.map(renderItem), { ...options, title: forLabel(options.title), placeholder: forLabel(options.placeholder) });
  }

  pickMany<T>(items: readonly PickItem<T>[], options: PickOptions & { selected: readonly T[] }): Promise<T[] | undefined> {
    return this.#inner.pickMany(items.map(renderItem), { ...options, title: forLabel(options.title), placeholder: forLabel(options.placeholder) });
  }

  compose<T>(options: ComposeOptions<T>): Promise<Composed<T> | undefined> {
    return this.#inner.compose({
      ...options,
      title: forLabel(options.title),
      placeholder: forLabel(options.placeholder),
      items: options.items.map(renderItem),
      buttons: options.buttons.map((b) => ({ ...b, tooltip: forLabel(b.tooltip) })),
      typedHint: forLabel(options.typedHint),
      typedLabel: (text) => forLabel(options.typedLabel ? options.typedLabel(text) : text),
      ...(options.validate ? { validate: (text: string) => { const problem = options.validate?.(text); return problem === undefined ? undefined : forNotification(problem); } } : {}),
    });
  }

  input(options: InputOptions): Promise<string | undefined> {
    return this.#inner.input({
      ...options,
      title: forLabel(options.title),
      prompt: forNotification(options.prompt),
      ...(options.placeholder !== undefined ? { placeholder: forLabel(options.placeholder) } : {}),
      validate: (text) => {
        const problem = options.validate(text);
        return problem === undefined ? undefined : forNotification(problem);
      },
    });
  }

  info(message: string, ...actions: string[]): Promise<string | undefined> {
    return this.#answer(this.#inner.info(forNotification(message), ...actions.map(forLabel)), actions);
  }

  warn(message: string, ...actions: string[]): Promise<string | undefined> {
    return this.#answer(this.#inner.warn(forNotification(message), ...actions.map(forLabel)), actions);
  }

  error(message: string): void {
    this.#inner.error(forNotification(message));
  }

  confirm(message: string, action: string): Promise<boolean> {
    return this.#inner.confirm(forNotification(message), forLabel(action));
  }

  saveText(suggestedName: string, content: string, options?: SaveOptions): Promise<string | undefined> {
    return this.#inner.saveText(suggestedName, content, options);
  }

  pickFolder(title: string, openLabel: string): Promise<string | undefined> {
    return this.#inner.pickFolder(title, openLabel);
  }

  openText(): Promise<string | undefined> {
    return this.#inner.openText();
  }

  openUntitled(content: string, language: 'markdown'): Promise<void> {
    return this.#inner.openUntitled(content, language);
  }

  /** The flow compares the answer with the action it offered, not with the rendered button. */
  async #answer(choice: Promise<string | undefined>, actions: string[]): Promise<string | undefined> {
    const picked = await choice;
    return picked === undefined ? undefined : actions.find((a) => forLabel(a) === picked);
  }
}

/** A pick row with its label, description and detail rendered, and its own icon in front. */
function renderItem<T>(item: PickItem<T>): PickItem<T> {
  return {
    label: item.icon ? `$(${item.icon}) ${forLabel(item.label)}` : forLabel(item.label),
    ...(item.description !== undefined ? { description: forLabel(item.description) } : {}),
    ...(item.detail !== undefined ? { detail: forLabel(item.detail) } : {}),
    value: item.value,
  };
}
