/** Bidirectional control characters: they can make "gnp.exe" display as "exe.png". */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** A code point as it is named in Unicode charts: U+202E, U+E0041. */
export const codePointName = (c: string): string => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Shows bidi control characters as visible codes so user text cannot reorder what is displayed. */
export function revealBidi(text: string): string {
  return text.replace(BIDI_CONTROLS, (c) => `[${codePointName(c)}]`);
}

/**
 * Characters a reader does not see but a program (an AI agent) does: C0 and C1 controls (Cc), format
 * characters (Cf: zero-width, bidi controls, the tag characters that can spell hidden instructions),
 * line and paragraph separators, lone surrogates, and the whole tag block, whose unassigned code
 * points are not Cf. A user's one-line text needs none of them.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\u{E0000}-\u{E007F}]/gu;

/** The distinct invisible characters in `text` by code point name, in order of first appearance. */
export function invisibleCharacters(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(INVISIBLE), (m) => codePointName(m[0])))];
}

/** Shows every invisible character as a visible code, `<U+E0041>`, so what a reader sees is all there is. */
export function revealInvisible(text: string): string {
  return text.replace(INVISIBLE, (c) => `<${codePointName(c)}>`);
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

/** What an error says, for a sentence: its message, or the thrown value as text. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
