import { t } from '../core/l10n';
import { answers } from '../core/practices/answered';
import type { DomainChoice, GoalDraft, StartAnswers } from '../core/practices/answers';
import { numberProblem, textProblem } from '../core/practices/question';
import { startPractice } from '../core/practices/start';
import type { Snapshot } from '../shared/protocol';
import { button, select, textfield } from './controls';
import { fill, h, on, showProblem } from './dom';
import { GoalChain } from './goalChain';
import { post } from './host';

const NEW = '__new__';
const NO_CUE = '__none__';
const practice = startPractice;

/**
 * The sidebar's rendering of the start practice (core/practices/start.ts): domain (named when new,
 * with the baseline offered), the proximal subgoal, the 0–10 ruler, the shrink step, length and cue.
 * Built once and kept, so an incoming snapshot never overwrites what is being typed.
 */
export class StartForm {
  readonly element: HTMLElement;
  readonly #domain = select<string>(practice.domain.label(), [], NEW, 'start-domain');
  readonly #newDomain = textfield(practice.domain.name.label(), { placeholder: practice.domain.name.placeholder?.(), max: practice.domain.name.max, id: 'start-new-domain' });
  readonly #baseline = textfield(practice.baseline.label(), { placeholder: '0–100', max: 3, id: 'start-baseline' });
  readonly #goals: GoalChain;
  readonly #planned = select<string>(practice.plannedMinutes.label(), [], '25', 'start-planned');
  readonly #cue = select<string>(practice.cue.label(), [], NO_CUE, 'start-cue');
  /** Domain, length and cue: the current choices, said in one line, opened on demand. */
  readonly #choices = h('details', { class: 'start-choices', id: 'start-choices' });
  readonly #choicesSummary = h('summary', { id: 'start-choices-summary' });
  #cuesKey = '';
  readonly #error = h('p', { class: 'error', role: 'alert', id: 'start-error', hidden: true });
  #domainsKey = '';

  constructor() {
    on(this.#domain.select, 'change', () => this.#syncDomain());
    for (const el of [this.#planned.select, this.#cue.select]) on(el, 'change', () => this.#syncSummary());
    fill(this.#choices, this.#choicesSummary, this.#domain.row, this.#newDomain.row, this.#baseline.row, this.#planned.row, this.#cue.row);
    const element = h('form', { class: 'start-form', 'aria-labelledby': 'start-heading' });
    this.#goals = new GoalChain({ goal: 'start-goal', box: 'start-shrink', shrink: 'shrink' }, { element, onDone: (goals) => this.#start(goals), onError: (text) => showProblem(this.#error, text) });
    fill(
      element,
      h('h2', { id: 'start-heading' }, t('Start a focus session')),
      ...this.#goals.rows,
      this.#choices,
      this.#goals.shrinkBox,
      this.#error,
      h('div', { class: 'actions' }, button(t('Start session'), () => this.#submit(), { id: 'start-submit', icon: 'play' })),
    );
    this.element = element;
    on(this.element, 'submit', (e) => {
      e.preventDefault();
      this.#submit();
    });
  }

  update(s: Snapshot): void {
    this.#goals.update(s);
    const key = JSON.stringify(s.domains);
    if (key !== this.#domainsKey) {
      this.#domainsKey = key;
      const chosen = this.#domain.select.value;
      // "New micro-domain…" stays chosen only with a name typed for it: it was the only choice while there were no domains.
      const keep = (chosen !== '' && chosen !== NEW) || (chosen === NEW && this.#newDomain.field.value.trim() !== '');
      const current = keep ? chosen : (s.lastDomainId ?? s.domains[0]?.id ?? NEW);
      const options = [...s.domains.map((d) => ({ value: d.id, label: d.name })), { value: NEW, label: practice.domain.create() }];
      fill(this.#domain.select, ...options.map((o) => h('option', { value: o.value }, o.label)));
      const preferred = options.some((o) => o.value === current) ? current : (s.lastDomainId ?? NEW);
      this.#domain.select.value = options.some((o) => o.value === preferred) ? preferred : NEW;
      this.#syncDomain();
    }
    if (this.#planned.select.options.length === 0) {
      fill(this.#planned.select, ...practice.plannedMinutes.choices(s.defaultPlannedMinutes).map((c) => h('option', { value: String(c.minutes) }, c.label)));
      this.#planned.select.value = String(s.defaultPlannedMinutes);
    }
    const cuesKey = JSON.stringify(s.cues);
    if (cuesKey !== this.#cuesKey) {
      const current = this.#cuesKey ? this.#cue.select.value : (s.lastCueId ?? NO_CUE);
      this.#cuesKey = cuesKey;
      const options = [{ value: NO_CUE, label: practice.cue.none() }, ...s.cues.map((c) => ({ value: c.id, label: c.instruction }))];
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

  #syncDomain(): void {
    const creating = practice.baseline.asked(this.#chosenDomain());
    this.#newDomain.row.hidden = !creating;
    this.#baseline.row.hidden = !creating;
    // A first domain is named here: the choices open on it.
    if (creating) this.#choices.open = true;
    this.#syncSummary();
  }

  #chosenDomain(): DomainChoice {
    const value = this.#domain.select.value;
    return value === NEW ? { kind: 'new', name: this.#newDomain.field.value.trim() } : { kind: 'existing', id: value };
  }

  /** The domain's questions first (its name, the baseline), then the goal chain. */
  #submit(): void {
    showProblem(this.#error, '');
    const domain = this.#chosenDomain();
    const problem =
      domain.kind === 'new' ? (textProblem(practice.domain.name, this.#newDomain.field.value) ?? numberProblem(practice.baseline.number, this.#baseline.field.value)) : undefined;
    if (problem) {
      this.#choices.open = true;
      return showProblem(this.#error, problem);
    }
    this.#goals.submit();
  }

  #start(goals: GoalDraft[]): void {
    const domain = this.#chosenDomain();
    const baseline = practice.baseline.asked(domain) && this.#baseline.field.value.trim() !== '' ? Number(this.#baseline.field.value.trim()) : undefined;
    const cue = this.#cue.select.value !== NO_CUE ? { kind: 'existing' as const, id: this.#cue.select.value } : undefined;
    post({ type: 'startSession', answers: answers<StartAnswers>({ domain, baseline, goals, plannedMinutes: Number(this.#planned.select.value), cue }) });
    this.#newDomain.field.value = '';
    this.#baseline.field.value = '';
  }
}
