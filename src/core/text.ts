/** Bidirectional control characters: they can make "gnp.exe" display as "exe.png". */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Shows bidi control characters as visible codes so user text cannot reorder what is displayed. */
export function revealBidi(text: string): string {
  return text.replace(BIDI_CONTROLS, (c) => `[U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}]`);
}

/**
 * One line of at most `max` UTF-16 units (what the schema counts), for text that comes from outside
 * the user's own typing (a folder name, a commit subject): line breaks fold into spaces and a longer
 * text ends in "…" instead of making the record unreadable. A surrogate pair is never cut in half.
 */
export function clip(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= max) return line;
  let end = max - 1;
  const last = line.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${line.slice(0, end).trimEnd()}…`;
}
