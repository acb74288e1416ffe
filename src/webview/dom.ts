/**
 * A tiny element builder. Children that are strings become text nodes, so user text is always
 * rendered as text: nothing here ever assigns HTML.
 */
import { revealBidi } from '../core/text';

type Child = Node | string | number | false | null | undefined;
type Attrs = Record<string, string | number | boolean | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs, ...children: Child[]): HTMLElementTagNameMap[K];
export function h<E extends HTMLElement = HTMLElement>(tag: string, attrs?: Attrs, ...children: Child[]): E;
export function h(tag: string, attrs: Attrs = {}, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function svg(tag: string, attrs: Attrs = {}, ...children: Child[]): SVGElement {
  const el = document.createElementNS(SVG_NS, tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

function setAttrs(el: Element, attrs: Attrs): void {
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (key.startsWith('on')) throw new Error('No inline handlers: use addEventListener.');
    el.setAttribute(key, value === true ? '' : String(value));
  }
}

function append(el: Element, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'object' ? child : document.createTextNode(revealBidi(String(child))));
  }
}

export function on<K extends keyof HTMLElementEventMap>(el: Element, type: K, listener: (event: HTMLElementEventMap[K]) => void): void {
  el.addEventListener(type, listener as EventListener);
}

/** Sets user text as the element's text, with bidi controls shown rather than obeyed. */
export function setText(el: Element, text: string): void {
  el.textContent = revealBidi(text);
}

/** Replaces the children of `el`. */
export function fill(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}

export function announce(text: string): void {
  const announcer = document.getElementById('announcer');
  if (!announcer) return;
  // Clearing first makes screen readers repeat an identical message.
  announcer.textContent = '';
  window.setTimeout(() => (announcer.textContent = text), 50);
}

/** A problem with what was typed, said where it was typed and to a screen reader; '' clears and hides it. */
export function showProblem(element: HTMLElement, text: string): void {
  element.textContent = text;
  element.hidden = text === '';
  if (text) announce(text);
}
