import { t } from '../l10n';

/**
 * Hope- or outcome-focused phrasing ("I hope I don't break prod") feeds worry; instructional
 * self-talk names the next mechanical step instead. These patterns recognise the former.
 */
const OUTCOME_PATTERNS: readonly { pattern: RegExp; label: string }[] = [
  { pattern: /\bi\s+(?:really\s+)?hope\b/i, label: 'I hope' },
  { pattern: /\bhopefully\b/i, label: 'hopefully' },
  { pattern: /\bwhat\s+if\b/i, label: 'what if' },
  { pattern: /\b(?:i'?m|i\s+am)\s+(?:so\s+|really\s+)?(?:afraid|scared|worried|terrified|nervous)\b/i, label: "I'm afraid" },
  { pattern: /\b(?:don'?t|do\s+not|never)\s+(?:mess|screw|break|fail|blow|bomb|fuck)\b/i, label: "don't mess up" },
  { pattern: /\bi\s+(?:might|could|will|'ll)\s+(?:fail|break|mess|screw|blow)\b/i, label: 'I might fail' },
  { pattern: /\bi\s+wish\b/i, label: 'I wish' },
  { pattern: /\bfingers\s+crossed\b/i, label: 'fingers crossed' },
  { pattern: /\bplease\s+(?:let|don'?t)\b/i, label: 'please let' },
];

export function findOutcomePhrasing(text: string): string | undefined {
  return OUTCOME_PATTERNS.find(({ pattern }) => pattern.test(text))?.label;
}

/** The validation message for an instruction: it must be a step, not another hope. */
export function instructionProblem(text: string): string | undefined {
  const phrase = findOutcomePhrasing(text);
  // The phrases found are English, as the patterns are; the sentence around them is translated.
  if (phrase) return t('"{0}" is about the outcome. Name the next mechanical step instead, e.g. "Run the migration on staging first".', phrase);
  return undefined;
}
