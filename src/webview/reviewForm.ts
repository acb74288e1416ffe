import { t } from '../core/l10n';
import { dimensionQuestions, outcomeChoices } from '../core/attribution';
import type { CauseKind, Outcome } from '../core/schema';
import type { SessionView, Snapshot } from '../shared/protocol';
import { button, select, textfield } from './controls';
import { announce, h, on } from './dom';
import { post } from './host';

const scale = () => Array.from({ length: 9 }, (_, i) => ({ value: String(9 - i), label: String(9 - i) }));

/** End & review in the view: the same steps as the palette (outcomes, attribution, slip review). */
export function reviewForm(session: SessionView, snapshot: Snapshot, onCancel: () => void): HTMLElement {
  const outcomeSelects = session.subgoals.map((g) => ({ id: g.id, ...select<Outcome>(`“${g.text}”`, outcomeChoices(), g.done ? 'met' : 'partly', `outcome-${g.id}`) }));
  const causes = snapshot.causes;
  const cause = select<CauseKind>(t('What made the difference?'), causes.map((c) => ({ value: c.kind, label: c.label })), 'effort', 'review-cause');
  const detail = textfield(t('In a few words (optional)'), { id: 'review-detail' });
  const dims = dimensionQuestions().map((d) => ({ key: d.key, ...select<string>(d.question, scale(), '5', `review-${d.key}`) }));
  const applyDefaults = () => {
    const c = causes.find((x) => x.kind === cause.select.value);
    if (c) for (const d of dims) d.select.value = String(c[d.key]);
  };
  on(cause.select, 'change', applyDefaults);
  applyDefaults();
  const slipCue = textfield(t('What cue triggered the slip?'), { id: 'slip-cue' });
  const slipFriction = textfield(t('What friction failed?'), { id: 'slip-friction' });
  const slipTweak = textfield(t('One tweak for tomorrow'), { id: 'slip-tweak' });
  const slip = h('fieldset', { class: 'slip', id: 'review-slip', hidden: true }, h('legend', {}, t('Slip review (something was missed)')), slipCue.row, slipFriction.row, slipTweak.row);
  const anyMissed = () => outcomeSelects.some((o) => o.select.value === 'missed');
  for (const o of outcomeSelects) on(o.select, 'change', () => (slip.hidden = !anyMissed()));
  const error = h('p', { class: 'error', role: 'alert', id: 'review-error' });
  const submit = () => {
    const slipValues = [slipCue.field.value.trim(), slipFriction.field.value.trim(), slipTweak.field.value.trim()];
    const wantsSlip = anyMissed() && slipValues.some((v) => v);
    if (wantsSlip && slipValues.some((v) => !v)) {
      error.textContent = t('Fill in all three slip questions, or leave them all empty.');
      announce(error.textContent);
      return;
    }
    const [cue = '', frictionFailed = '', tweak = ''] = slipValues;
    post({
      type: 'endSession',
      sessionId: session.id,
      outcomes: outcomeSelects.map((o) => ({ subgoalId: o.id, outcome: o.select.value as Outcome })),
      attribution: {
        cause: cause.select.value as CauseKind,
        text: detail.field.value.trim(),
        internal: Number(dims[0]?.select.value),
        stable: Number(dims[1]?.select.value),
        controllable: Number(dims[2]?.select.value),
      },
      ...(wantsSlip ? { slip: { cue, frictionFailed, tweak } } : {}),
    });
  };
  const form = h(
    'form',
    { class: 'review', 'aria-labelledby': 'review-heading', id: 'review-form' },
    h('h2', { id: 'review-heading' }, t('Review: {0}', session.domainName)),
    h('fieldset', {}, h('legend', {}, t('How did each subgoal go?')), ...outcomeSelects.map((o) => o.row)),
    h('fieldset', {}, h('legend', {}, t('Attribution')), cause.row, detail.row, ...dims.map((d) => d.row)),
    slip,
    error,
    h('div', { class: 'actions' }, button(t('End session'), submit, { id: 'review-submit', icon: 'check' }), button(t('Back to session'), onCancel, { secondary: true, id: 'review-cancel' })),
  );
  on(form, 'submit', (e) => {
    e.preventDefault();
    submit();
  });
  slip.hidden = !anyMissed();
  return form;
}
