import { t } from '../core/l10n';
import { confidenceLabel } from '../core/confidence';
import { LIMITS } from '../core/limits';
import { plannedLengthChoices, plannedLengthLabel, shouldOfferShrink } from '../core/plan';
import type { Snapshot } from '../shared/protocol';
import { button, confidenceRuler, select, textfield } from './controls';
import { announce, fill, h, on } from './dom';
import { post } from './host';

const NEW = '__new__';
const NO_CUE = '__none__';

/**
 * The idle start form: domain, proximal subgoal, the 0–10 ruler, and below the threshold the shrink
 * step. Built once and kept, so an incoming snapshot never overwrites what is being typed.
 */
export class StartForm {
  readonly element: HTMLElement;
  readonly #domain = select<string>(t('Micro-domain'), [], NEW, 'start-domain');
  readonly #newDomain = textfield(t('New micro-domain'), { placeholder: t('writing parser tests'), max: LIMITS.name, id: 'start-new-domain' });
  readonly #goal = textfield(t('Proximal subgoal'), { placeholder: t('Write tests for the three tokenizer edge cases'), id: 'start-goal', onEnter: () => this.#submit() });
  readonly #ruler = confidenceRuler(t('How sure are you that you can do this?'), 0, confidenceLabel);
  readonly #planned = select<string>(t('Planned length'), [], '25', 'start-planned');
  readonly #cue = select<string>(t('Self-talk cue'), [], NO_CUE, 'start-cue');
  /** Domain, length and cue: the current choices, said in one line, opened on demand. */
  readonly #choices = h('details', { class: 'start-choices', id: 'start-choices' });
  readonly #choicesSummary = h('summary', { id: 'start-choices-summary' });
  #cuesKey = '';
  readonly #shrinkBox = h('div', { class: 'shrink', id: 'start-shrink', hidden: true, role: 'group', 'aria-labelledby': 'shrink-heading' });
  readonly #error = h('p', { class: 'error', role: 'alert', id: 'start-error' });
  /** The goals written so far: the original first, then each smaller version. */
  #chain: { text: string; confidence: number }[] = [];
  /** The user's setting, from the first snapshot on (the form is shown only after it). */
  #threshold = 0;
  #domainsKey = '';

  constructor() {
    on(this.#domain.select, 'change', () => this.#syncDomain());
    for (const el of [this.#planned.select, this.#cue.select]) on(el, 'change', () => this.#syncSummary());
    fill(this.#choices, this.#choicesSummary, this.#domain.row, this.#newDomain.row, this.#planned.row, this.#cue.row);
    this.element = h(
      'form',
      { class: 'start-form', 'aria-labelledby': 'start-heading' },
      h('h2', { id: 'start-heading' }, t('Start a focus session')),
      this.#goal.row,
      this.#ruler.row,
      this.#choices,
      this.#shrinkBox,
      this.#error,
      h('div', { class: 'actions' }, button(t('Start session'), () => this.#submit(), { id: 'start-submit', icon: 'play' })),
    );
    on(this.element, 'submit', (e) => {
      e.preventDefault();
      this.#submit();
    });
  }

  update(s: Snapshot): void {
    this.#threshold = s.threshold;
    const key = JSON.stringify(s.domains);
    if (key !== this.#domainsKey) {
      this.#domainsKey = key;
      const chosen = this.#domain.select.value;
      // "New micro-domain…" stays chosen only with a name typed for it: it was the only choice while there were no domains.
      const keep = (chosen !== '' && chosen !== NEW) || (chosen === NEW && this.#newDomain.field.value.trim() !== '');
      const current = keep ? chosen : (s.lastDomainId ?? s.domains[0]?.id ?? NEW);
      const options = [...s.domains.map((d) => ({ value: d.id, label: d.name })), { value: NEW, label: t('New micro-domain…') }];
      fill(this.#domain.select, ...options.map((o) => h('option', { value: o.value }, o.label)));
      const preferred = options.some((o) => o.value === current) ? current : (s.lastDomainId ?? NEW);
      this.#domain.select.value = options.some((o) => o.value === preferred) ? preferred : NEW;
      this.#syncDomain();
    }
    if (this.#planned.select.options.length === 0) {
      fill(this.#planned.select, ...plannedLengthChoices(s.defaultPlannedMinutes).map((m) => h('option', { value: String(m) }, plannedLengthLabel(m))));
      this.#planned.select.value = String(s.defaultPlannedMinutes);
      // The ruler starts at the user's threshold: "sure enough" as they defined it.
      this.#setRuler(s.threshold);
    }
    const cuesKey = JSON.stringify(s.cues);
    if (cuesKey !== this.#cuesKey) {
      const current = this.#cuesKey ? this.#cue.select.value : (s.lastCueId ?? NO_CUE);
      this.#cuesKey = cuesKey;
      const options = [{ value: NO_CUE, label: t('No cue this time') }, ...s.cues.map((c) => ({ value: c.id, label: c.instruction }))];
      fill(this.#cue.select, ...options.map((o) => h('option', { value: o.value }, o.label)));
      this.#cue.select.value = options.some((o) => o.value === current) ? current : NO_CUE;
    }
    this.#syncSummary();
  }

  /** "parser tests · 25 minutes · cue: Run the tests first": what a start will use, before opening the choices. */
  #syncSummary(): void {
    const option = (el: HTMLSelectElement) => el.selectedOptions[0]?.textContent ?? '';
    const domain = this.#domain.select.value === NEW ? this.#newDomain.field.value.trim() || t('a new micro-domain') : option(this.#domain.select);
    const cue = this.#cue.select.value === NO_CUE ? t('no cue') : option(this.#cue.select);
    this.#choicesSummary.textContent = t('{0} · {1} · cue: {2}', domain, option(this.#planned.select), cue);
  }

  #setRuler(value: number): void {
    this.#ruler.input.value = String(value);
    this.#ruler.input.dispatchEvent(new Event('input'));
  }

  #syncDomain(): void {
    const creating = this.#domain.select.value === NEW;
    this.#newDomain.row.hidden = !creating;
    // A first domain is named here: the choices open on it.
    if (creating) this.#choices.open = true;
    this.#syncSummary();
  }

  #showError(text: string): void {
    this.#error.textContent = text;
    if (text) announce(text);
  }

  /** Write the goal, rate it; below the threshold each submit adds a smaller version to the chain. */
  #submit(): void {
    this.#showError('');
    const domainName = this.#newDomain.field.value.trim();
    if (this.#domain.select.value === NEW && !domainName) return this.#showError(t('Name the micro-domain.'));
    const shrinking = this.#shrink !== undefined;
    const text = ((shrinking ? this.#shrink?.field.value : this.#goal.field.value) ?? '').trim();
    const confidence = Number((shrinking ? this.#shrink?.ruler.value : this.#ruler.input.value) ?? 0);
    if (!text) return this.#showError(t('Write a subgoal first.'));
    if (text.length > LIMITS.text) return this.#showError(t('Keep the subgoal to {0} characters.', LIMITS.text));
    const last = this.#chain[this.#chain.length - 1];
    if (shrinking && last && text === last.text) return this.#showError(t('Change the goal to make it smaller.'));
    this.#chain = shrinking ? [...this.#chain, { text, confidence }] : [{ text, confidence }];
    if (shouldOfferShrink(confidence, this.#threshold, this.#chain.length)) return this.#offerShrink(text, confidence);
    this.#start();
  }

  #start(): void {
    const domainName = this.#newDomain.field.value.trim();
    post({
      type: 'startSession',
      domain: this.#domain.select.value === NEW ? { kind: 'new', name: domainName } : { kind: 'existing', id: this.#domain.select.value },
      goals: this.#chain,
      plannedMinutes: Number(this.#planned.select.value),
      ...(this.#cue.select.value !== NO_CUE ? { cueId: this.#cue.select.value } : {}),
    });
    this.#reset();
  }

  #shrink: { field: HTMLInputElement; ruler: HTMLInputElement } | undefined;

  #offerShrink(text: string, confidence: number): void {
    this.#shrinkBox.hidden = false;
    this.element.classList.add('shrinking');
    const smaller = textfield(t('A smaller subgoal you could surely finish'), { value: text, id: 'shrink-goal', onEnter: () => this.#submit() });
    const ruler = confidenceRuler(t('How sure are you of the smaller goal?'), confidence, confidenceLabel);
    this.#shrink = { field: smaller.field as unknown as HTMLInputElement, ruler: ruler.input };
    fill(
      this.#shrinkBox,
      h('h3', { id: 'shrink-heading' }, t('Make it smaller?')),
      h('p', {}, t('You rated "{0}" {1}/10, below {2}. A smaller step you are sure of builds more belief than a big one you doubt.', text, confidence, this.#threshold)),
      smaller.row,
      ruler.row,
      h(
        'div',
        { class: 'actions' },
        button(t('Use the smaller goal'), () => this.#submit(), { id: 'shrink-submit' }),
        button(t('Keep it at {0}/10', confidence), () => this.#start(), { secondary: true, id: 'shrink-keep' }),
      ),
    );
    announce(t('Rated {0} out of 10, below {1}. Make the goal smaller?', confidence, this.#threshold));
    smaller.field.focus();
  }

  #reset(): void {
    this.#chain = [];
    this.#shrink = undefined;
    this.#goal.field.value = '';
    this.#newDomain.field.value = '';
    this.#setRuler(this.#threshold);
    fill(this.#shrinkBox);
    this.#shrinkBox.hidden = true;
    this.element.classList.remove('shrinking');
  }
}
