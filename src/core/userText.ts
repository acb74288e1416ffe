/**
 * User text shown in VS Code's own UI, one renderer per surface. VS Code turns `[label](command:…)`
 * into a link that runs a command in notifications and in an input's prompt or validation message,
 * and `$(name)` into an icon in the status bar, quick picks and those same input messages. What the
 * user typed or imported must stay text: both openings are broken with a zero-width space, which a
 * reader does not see. Zero-width characters the text brought are removed first (they could hide
 * words), and bidi controls are shown as codes (they could reorder what is read).
 */
import { revealBidi } from './text';

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;
const BREAK = '\u200b';

/** What every surface shows of user text first: zero-width characters gone, bidi controls as codes. */
function visible(text: string): string {
  return revealBidi(text.replace(ZERO_WIDTH, ''));
}

function inert(text: string): string {
  return visible(text).replace(/\]\(/g, `]${BREAK}(`).replace(/\$\(/g, `$${BREAK}(`);
}

/** An information, warning or error message, an input's prompt or validation message. */
export function forNotification(text: string): string {
  return inert(text);
}

/**
 * A quick-pick label, description or detail, a quick input's title or placeholder, a notification's
 * button, and a status-bar label: one line, no icons, no links.
 */
export function forLabel(text: string): string {
  return inert(text.replace(/\s+/g, ' ').trim());
}

/**
 * One line of user text in a Markdown document Small Wins writes: no line breaks, and every character
 * Markdown reads as syntax escaped, so a win cannot end a table cell, start a link (a `command:` link
 * runs in the preview), emphasis, code, maths or HTML; and, where it opens a list item or a line, a
 * heading, a quote, a rule or a nested list.
 */
export function forMarkdown(text: string): string {
  return visible(text)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>|~&$]/g, (c) => `\\${c}`)
    .replace(/^([#+=-])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}
