import { t } from '../core/l10n';
import { answers } from '../core/practices/answered';
import type { ReviewAnswers } from '../core/practices/answers';
import { textProblem } from '../core/practices/question';
import { reviewPractice } from '../core/practices/review';
import type { CauseKind, Outcome, SlipReview, TweakOutcome } from '../core/records/schema';
import type { SessionView } from '../shared/protocol';
import { button, select, textfield } from './controls';
import { h, on, showProblem } from './dom';
import { post } from './host';

const practice = reviewPractice;
const scale = () => Array.from({ length: 9 }, (_, i) => ({ value: String(9 - i), label: String(9 - i) }));
const UNANSWERED = '';

/**
 * The sidebar's rendering of the review practice (core/practices/review.ts): an outcome per subgoal,
 * what made the difference, whether the last tweak helped while one is open, and the slip review
 * when something was missed.
 */
export function reviewForm(session: SessionView, onCancel: () => void): HTMLElement {
  const outcomes = session.subgoals.map((g) => ({ id: g.id, ...select<Outcome>(`“${g.text}”`, practice.outcomes.choices(), practice.outcomes.preset(g.done), `outcome-${g.id}`) }));
  const attribution = practice.attribution;
  const cause = select<CauseKind>(attribution.cause.question(), attribution.cause.choices(), attribution.cause.preset, 'review-cause');
  const note = textfield(attribution.note.label(), { id: 'review-detail', max: attribution.note.max });
  const dims = attribution.dimensions().map((d) => ({ key: d.key, ...select<string>(d.question, scale(), '5', `review-${d.key}`) }));
  const applyPresets = () => {
    const typical = attribution.presets[cause.select.value as CauseKind];
    for (const d of dims) d.select.value = String(typical[d.key]);
  };
  on(cause.select, 'change', applyPresets);
  applyPresets();
  const openTweak = session.openTweak;
  const tweak = practice.tweak.asked(openTweak) && openTweak !== undefined
    ? select<string>(practice.tweak.question(openTweak), [{ value: UNANSWERED, label: t('Choose…') }, ...practice.tweak.choices()], UNANSWERED, 'review-tweak')
    : undefined;
  const slipQuestions = [practice.slip.cue, practice.slip.frictionFailed, practice.slip.tweak] as const;
  const [slipCue, slipFriction, slipTweak] = slipQuestions.map((q, i) => textfield(q.label(), { id: ['slip-cue', 'slip-friction', 'slip-tweak'][i], placeholder: q.placeholder?.(), max: q.max }));
  const slip = h('fieldset', { class: 'slip', id: 'review-slip', hidden: true }, h('legend', {}, practice.slip.legend()), ...[slipCue, slipFriction, slipTweak].map((f) => f?.row ?? null));
  const chosen = () => outcomes.map((o) => o.select.value as Outcome);
  for (const o of outcomes) on(o.select, 'change', () => (slip.hidden = !practice.slip.asked(chosen())));
  const error = h('p', { class: 'error', role: 'alert', id: 'review-error', hidden: true });
  const fail = (text: string) => showProblem(error, text);
  const slipAnswer = (): SlipReview | undefined | string => {
    if (!practice.slip.asked(chosen())) return undefined;
    const typed = [slipCue, slipFriction, slipTweak].map((f) => f?.field.value.trim() ?? '');
    if (typed.every((v) => v === '')) return undefined;
    if (typed.some((v) => v === '')) return practice.slip.incomplete();
    const problem = slipQuestions.map((q, i) => textProblem(q, typed[i] ?? '')).find((p) => p !== undefined);
    if (problem) return problem;
    const [cue = '', frictionFailed = '', tweakText = ''] = typed;
    return { cue, frictionFailed, tweak: tweakText };
  };
  const submit = () => {
    const noteProblem = textProblem(attribution.note, note.field.value);
    if (noteProblem) return fail(noteProblem);
    if (tweak && tweak.select.value === UNANSWERED) return fail(t('Say whether your tweak helped.'));
    const slipAnswered = slipAnswer();
    if (typeof slipAnswered === 'string') return fail(slipAnswered);
    const ratings = Object.fromEntries(dims.map((d) => [d.key, Number(d.select.value)])) as Record<(typeof dims)[number]['key'], number>;
    post({
      type: 'endSession',
      answers: answers<ReviewAnswers>({
        sessionId: session.id,
        outcomes: outcomes.map((o) => ({ subgoalId: o.id, outcome: o.select.value as Outcome })),
        attribution: { cause: cause.select.value as CauseKind, text: note.field.value.trim(), internal: ratings.internal, stable: ratings.stable, controllable: ratings.controllable },
        tweak: tweak ? (tweak.select.value as TweakOutcome) : undefined,
        slip: slipAnswered,
      }),
    });
  };
  const form = h(
    'form',
    { class: 'review', 'aria-labelledby': 'review-heading', id: 'review-form' },
    h('h2', { id: 'review-heading' }, t('Review: {0}', session.domainName)),
    h('fieldset', {}, h('legend', {}, practice.outcomes.legend()), ...outcomes.map((o) => o.row)),
    h('fieldset', {}, h('legend', {}, attribution.legend()), cause.row, note.row, ...dims.map((d) => d.row)),
    tweak ? tweak.row : null,
    slip,
    error,
    h('div', { class: 'actions' }, button(t('End session'), submit, { id: 'review-submit', icon: 'check' }), button(t('Back to session'), onCancel, { secondary: true, id: 'review-cancel' })),
  );
  on(form, 'submit', (e) => {
    e.preventDefault();
    submit();
  });
  slip.hidden = !practice.slip.asked(chosen());
  return form;
}
