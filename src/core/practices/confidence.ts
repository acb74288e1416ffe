import { t } from '../l10n';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** "a rating" → "A rating": the start of a sentence. */
const capital = (what: string) => (what[0]?.toUpperCase() ?? '') + what.slice(1);

export function parseIntegerInRange(raw: string, min: number, max: number, what: string): Parsed<number> {
  const trimmed = raw.trim();
  if (trimmed === '') return { ok: false, message: t('Enter {0} from {1} to {2}.', what, min, max) };
  if (!/^-?\d+$/.test(trimmed)) return { ok: false, message: t('{0} must be a whole number from {1} to {2}.', capital(what), min, max) };
  const value = Number(trimmed);
  if (value < min || value > max) return { ok: false, message: t('{0} must be from {1} to {2}; you entered {3}.', capital(what), min, max, value) };
  return { ok: true, value };
}

export function parseText(raw: string, max: number, what: string): Parsed<string> {
  const trimmed = raw.trim();
  if (trimmed === '') return { ok: false, message: t('Enter {0}.', what) };
  if (trimmed.length > max) return { ok: false, message: t('Keep {0} to {1} characters (now {2}).', what, max, trimmed.length) };
  return { ok: true, value: trimmed };
}

/** The label of a point on the 0–10 ruler, worded as Bandura's "how sure are you that you can do this?". */
export function confidenceLabel(value: number): string {
  const labels = [
    t('not at all sure'),
    t('very unsure'),
    t('unsure'),
    t('doubtful'),
    t('somewhat doubtful'),
    t('could go either way'),
    t('somewhat sure'),
    t('fairly sure'),
    t('sure'),
    t('very sure'),
    t('completely sure'),
  ];
  return labels[value] ?? '';
}

/** The anchors of Bandura's 0–100 "can do" scale. */
export function efficacyAnchors(): { value: number; label: string }[] {
  return [
    { value: 0, label: t('cannot do at all') },
    { value: 50, label: t('moderately can do') },
    { value: 100, label: t('highly certain can do') },
  ];
}
