/** Bandura: a proximal goal should feel doable. Below the threshold we offer to shrink it. */
export function shouldOfferShrink(confidence: number, threshold: number): boolean {
  return confidence < threshold;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

export function parseIntegerInRange(raw: string, min: number, max: number, what: string): Parsed<number> {
  const trimmed = raw.trim();
  if (trimmed === '') return { ok: false, message: `Enter ${what} from ${min} to ${max}.` };
  if (!/^-?\d+$/.test(trimmed)) return { ok: false, message: `${what[0]?.toUpperCase()}${what.slice(1)} must be a whole number from ${min} to ${max}.` };
  const value = Number(trimmed);
  if (value < min || value > max) return { ok: false, message: `${what[0]?.toUpperCase()}${what.slice(1)} must be from ${min} to ${max}; you entered ${value}.` };
  return { ok: true, value };
}

export function parseText(raw: string, max: number, what: string): Parsed<string> {
  const trimmed = raw.trim();
  if (trimmed === '') return { ok: false, message: `Enter ${what}.` };
  if (trimmed.length > max) return { ok: false, message: `Keep ${what} to ${max} characters (now ${trimmed.length}).` };
  return { ok: true, value: trimmed };
}

/** Labels for the 0–10 ruler, worded as Bandura's "how sure are you that you can do this?". */
export const CONFIDENCE_LABELS: readonly string[] = [
  'not at all sure',
  'very unsure',
  'unsure',
  'doubtful',
  'somewhat doubtful',
  'could go either way',
  'somewhat sure',
  'fairly sure',
  'sure',
  'very sure',
  'completely sure',
];

export const EFFICACY_ANCHORS: readonly { value: number; label: string }[] = [
  { value: 0, label: 'cannot do at all' },
  { value: 50, label: 'moderately can do' },
  { value: 100, label: 'highly certain can do' },
];
