/** Bidirectional control characters: they can make "gnp.exe" display as "exe.png". */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Shows bidi control characters as visible codes so user text cannot reorder what is displayed. */
export function revealBidi(text: string): string {
  return text.replace(BIDI_CONTROLS, (c) => `[U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}]`);
}
