import * as vscode from 'vscode';
import type { ComposeOptions, Composed, InputOptions, PickItem, PickOptions, SaveOptions, Ui } from './ui';
import { MAX_IMPORT_BYTES, tooLargeMessage } from '../../core/records/transfer';
import { t } from '../../core/l10n';

type Item<T> = vscode.QuickPickItem & { value: T };
type Widget = vscode.QuickPick<vscode.QuickPickItem> | vscode.InputBox;

/**
 * A prompt with its title, placeholder and step. It stays open when focus moves away; Escape cancels
 * it. When the palette closes, VS Code hands focus back to a webview (the dashboard, the Progress tab)
 * a moment later, which would hide the command's first prompt as it opens; and a click elsewhere
 * should not throw away a typed sentence.
 */
function prepared<W extends Widget>(widget: W, options: { title: string; placeholder?: string | undefined; step?: PickOptions['step'] }): W {
  widget.ignoreFocusOut = true;
  widget.title = options.title;
  widget.placeholder = options.placeholder;
  if (options.step) {
    widget.step = options.step.step;
    widget.totalSteps = options.step.totalSteps;
  }
  return widget;
}

const rows = <T>(items: readonly PickItem<T>[]): Item<T>[] => items.map((i) => ({ label: i.label, description: i.description, detail: i.detail, value: i.value }));

/**
 * Shows a prepared prompt and settles once: `answer` wires what accepts it, and hiding it (Escape,
 * another prompt) cancels. The widget is disposed either way.
 */
function asked<T>(widget: Widget, answer: (finish: (value: T) => void) => void): Promise<T | undefined> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (value: T | undefined) => {
      if (done) return;
      done = true;
      resolve(value);
      widget.dispose();
    };
    answer(finish);
    widget.onDidHide(() => finish(undefined));
    widget.show();
  });
}

/** The Ui of the flows, made of VS Code's QuickPick, InputBox, notifications and file dialogs. */
const SAVE_FILTERS: Record<SaveOptions['kind'], Record<string, string[]>> = { json: { JSON: ['json'] }, markdown: { Markdown: ['md'] }, csv: { CSV: ['csv'] } };

export class VsCodeUi implements Ui {
  pick<T>(items: readonly PickItem<T>[], options: PickOptions): Promise<T | undefined> {
    const qp = prepared(vscode.window.createQuickPick<Item<T>>(), options);
    qp.matchOnDescription = true;
    qp.items = rows(items);
    const active = qp.items.find((i) => options.active !== undefined && i.value === options.active);
    if (active) qp.activeItems = [active];
    return asked<T | undefined>(qp, (finish) => qp.onDidAccept(() => finish(qp.selectedItems[0]?.value ?? qp.activeItems[0]?.value)));
  }

  pickMany<T>(items: readonly PickItem<T>[], options: PickOptions & { selected: readonly T[] }): Promise<T[] | undefined> {
    const qp = prepared(vscode.window.createQuickPick<Item<T>>(), options);
    qp.canSelectMany = true;
    qp.items = rows(items);
    qp.selectedItems = qp.items.filter((i) => options.selected.includes(i.value));
    return asked<T[]>(qp, (finish) => qp.onDidAccept(() => finish(qp.selectedItems.map((i) => i.value))));
  }

  compose<T>(options: ComposeOptions<T>): Promise<Composed<T> | undefined> {
    type Row = vscode.QuickPickItem & { value?: T; typed?: true };
    const qp = prepared(vscode.window.createQuickPick<Row>(), options);
    qp.value = options.value ?? '';
    qp.buttons = options.buttons.map((b) => ({ iconPath: new vscode.ThemeIcon(b.icon), tooltip: b.tooltip, id: b.id }));
    // Listed rows stay visible while the user types: the typed text is an answer, not a filter.
    const listed: Row[] = rows(options.items).map((row) => ({ ...row, alwaysShow: true }));
    const refresh = () => {
      const text = qp.value.trim();
      const problem = text ? options.validate?.(text) : undefined;
      // The typed row says what is wrong with the text; Enter on it does nothing until it is fixed.
      const label = options.typedLabel ? options.typedLabel(text) : text;
      qp.items = text ? [{ label, description: options.typedHint, ...(problem ? { detail: problem } : {}), typed: true, alwaysShow: true }, ...listed] : listed;
    };
    refresh();
    qp.onDidChangeValue(refresh);
    return asked<Composed<T>>(qp, (finish) => {
      qp.onDidTriggerButton((button) => finish({ kind: 'button', id: (button as { id?: string }).id ?? '', text: qp.value }));
      qp.onDidAccept(() => {
        const row = qp.selectedItems[0] ?? qp.activeItems[0];
        const text = qp.value.trim();
        if (row && !row.typed && row.value !== undefined) finish({ kind: 'item', value: row.value, text });
        else if (text && !options.validate?.(text)) finish({ kind: 'text', text });
      });
    });
  }

  input(options: InputOptions): Promise<string | undefined> {
    const box = prepared(vscode.window.createInputBox(), options);
    box.prompt = options.prompt;
    box.value = options.value ?? '';
    // Validate only after the first keystroke so an empty box does not open with an error.
    box.onDidChangeValue((text) => (box.validationMessage = options.validate(text)));
    return asked<string>(box, (finish) => box.onDidAccept(() => {
      const problem = options.validate(box.value);
      if (problem) box.validationMessage = problem;
      else finish(box.value);
    }));
  }

  async info(message: string, ...actions: string[]): Promise<string | undefined> {
    return vscode.window.showInformationMessage(message, ...actions);
  }

  async warn(message: string, ...actions: string[]): Promise<string | undefined> {
    return vscode.window.showWarningMessage(message, ...actions);
  }

  error(message: string): void {
    void vscode.window.showErrorMessage(message);
  }

  async confirm(message: string, action: string): Promise<boolean> {
    return (await vscode.window.showWarningMessage(message, { modal: true }, action)) === action;
  }

  async saveText(suggestedName: string, content: string, options: SaveOptions = { title: t('Export Small Wins journal'), kind: 'json' }): Promise<string | undefined> {
    const base = vscode.workspace.workspaceFolders?.[0]?.uri;
    const uri = await vscode.window.showSaveDialog({
      title: options.title,
      saveLabel: t('Save'),
      filters: SAVE_FILTERS[options.kind],
      ...(base ? { defaultUri: vscode.Uri.joinPath(base, suggestedName) } : {}),
    });
    if (!uri) return undefined;
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
    if (options.open) await vscode.window.showTextDocument(uri);
    return vscode.workspace.asRelativePath(uri);
  }

  async openUntitled(content: string, language: 'markdown'): Promise<void> {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language, content }));
  }

  async pickFolder(title: string, openLabel: string): Promise<string | undefined> {
    const picked = await vscode.window.showOpenDialog({ title, openLabel, canSelectFiles: false, canSelectFolders: true, canSelectMany: false });
    // Only a folder on this host's disk can hold the journal folder's files (they are appended to in place).
    return picked?.[0]?.scheme === 'file' ? picked[0].fsPath : undefined;
  }

  async openText(): Promise<string | undefined> {
    const picked = await vscode.window.showOpenDialog({
      title: t('Import Small Wins journal'),
      openLabel: t('Import'),
      canSelectMany: false,
      filters: { JSON: ['json'] },
    });
    const uri = picked?.[0];
    if (!uri) return undefined;
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.size > MAX_IMPORT_BYTES) {
      this.error(t('Import refused, nothing was changed. {0}', tooLargeMessage(stat.size)));
      return undefined;
    }
    return new TextDecoder('utf-8', { fatal: false }).decode(await vscode.workspace.fs.readFile(uri));
  }
}
