import { t } from '../core/l10n';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import '@vscode-elements/elements/dist/vscode-textarea/index.js';
import '@vscode-elements/elements/dist/vscode-label/index.js';
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import type { VscodeTextfield } from '@vscode-elements/elements/dist/vscode-textfield/vscode-textfield.js';
import { LIMITS } from '../core/limits';
import { h, on } from './dom';

/** A themed button (vscode-elements); Enter and Space activate it like a native one. */
export function button(label: string, onClick: () => void, o: { secondary?: boolean; icon?: string; ariaLabel?: string; id?: string } = {}): HTMLElement {
  const el = h('vscode-button', {
    secondary: o.secondary,
    icon: o.icon,
    'aria-label': o.ariaLabel,
    id: o.id,
  });
  el.textContent = label;
  on(el, 'click', onClick);
  return el;
}

let counter = 0;

/** A labelled text field; `onEnter` runs when Enter is pressed in it. */
export function textfield(
  label: string,
  o: { placeholder?: string; max?: number; id?: string; onEnter?: () => void; value?: string } = {},
): { field: VscodeTextfield; row: HTMLElement } {
  const id = o.id ?? `field-${++counter}`;
  const field = h<VscodeTextfield>('vscode-textfield', { id, placeholder: o.placeholder, maxlength: o.max ?? LIMITS.text });
  if (o.value) field.value = o.value;
  if (o.onEnter) {
    const onEnter = o.onEnter;
    on(field, 'keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        onEnter();
      }
    });
  }
  const row = h('div', { class: 'field' }, h('vscode-label', { for: id }, label), field);
  return { field, row };
}

/** A native select, themed with the dropdown colours: simple to reach by keyboard and by screen readers. */
export function select<T extends string>(label: string, options: { value: T; label: string }[], value: T, id?: string): { select: HTMLSelectElement; row: HTMLElement } {
  const selectId = id ?? `select-${++counter}`;
  const el = h('select', { id: selectId, class: 'select' });
  for (const option of options) el.append(h('option', { value: option.value, selected: option.value === value }, option.label));
  const row = h('div', { class: 'field' }, h('label', { for: selectId }, label), el);
  return { select: el, row };
}

/** The 0–10 confidence ruler: a range input with its value spoken and shown as words. */
export function confidenceRuler(labelText: string, initial: number, describe: (v: number) => string): { input: HTMLInputElement; row: HTMLElement } {
  const id = `ruler-${++counter}`;
  const input = h('input', { type: 'range', min: 0, max: 10, step: 1, value: initial, id, class: 'ruler' });
  const output = h('output', { for: id, class: 'ruler-value' });
  const update = () => {
    const v = Number(input.value);
    output.textContent = `${v}/10 — ${describe(v)}`;
    input.setAttribute('aria-valuetext', t('{0} out of 10, {1}', v, describe(v)));
  };
  on(input, 'input', update);
  update();
  const row = h('div', { class: 'field' }, h('label', { for: id }, labelText), h('div', { class: 'ruler-row' }, input, output));
  return { input, row };
}
