import { t } from '../../core/l10n';
import type { ProgressRange } from '../../core/figures/progress';
import type { ProgressSnapshot } from '../../shared/progressProtocol';
import { fill, h, on } from '../dom';
import { seriesSwatch } from '../figures/series';
import { post } from './host';

/**
 * The time range and the domains to show: native controls, which keyboards and screen readers know
 * best. Built once and kept, so a snapshot never moves focus away from them; it only sets their state.
 */
export class Controls {
  readonly element: HTMLElement;
  readonly #range: HTMLSelectElement;
  readonly #domains: HTMLElement;
  /** Write My Review for the range and the domains shown (the host knows both). */
  readonly #write = h('button', { type: 'button', class: 'write-review', id: 'progress-write-review', title: t('Write my review of this range and these domains') }, t('Write my review'));
  /** The domain list the checkboxes were built for, so they are rebuilt only when it changes. */
  #built = '';

  constructor() {
    const labels: Record<ProgressRange, string> = { '4w': t('4 weeks'), '3m': t('3 months'), '1y': t('A year'), all: t('Everything') };
    this.#range = h('select', { id: 'progress-range', class: 'select' }, ...Object.entries(labels).map(([value, label]) => h('option', { value }, label)));
    on(this.#range, 'change', () => post({ type: 'setRange', range: this.#range.value as ProgressRange }));
    on(this.#write, 'click', () => post({ type: 'writeReview' }));
    this.#domains = h('div', { class: 'domain-choices' });
    on(this.#domains, 'change', () => {
      const ids = [...this.#domains.querySelectorAll<HTMLInputElement>('input[type=checkbox]')].filter((c) => c.checked).map((c) => c.value);
      post({ type: 'setDomains', domainIds: ids });
    });
    this.element = h(
      'div',
      { class: 'controls', role: 'group', 'aria-label': t('What to show') },
      h('div', { class: 'field' }, h('label', { for: 'progress-range' }, t('Time range')), this.#range),
      h('fieldset', { id: 'progress-domains' }, h('legend', {}, t('Domains')), this.#domains),
      this.#write,
    );
  }

  update(s: ProgressSnapshot): void {
    this.#range.value = s.range;
    const list = JSON.stringify(s.domains.map((d) => [d.id, d.name]));
    if (list !== this.#built) {
      this.#built = list;
      fill(
        this.#domains,
        s.domains.length === 0 ? h('p', { class: 'muted' }, t('No domains yet.')) : null,
        ...s.domains.map((d, i) =>
          h('label', { class: 'domain-choice' }, h('input', { type: 'checkbox', value: d.id, id: `domain-${i}` }), seriesSwatch(i), d.name),
        ),
      );
    }
    const shown = new Set(s.domains.filter((d) => d.shown).map((d) => d.id));
    for (const box of this.#domains.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) box.checked = shown.has(box.value);
  }
}
