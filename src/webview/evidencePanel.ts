import { authorMark } from './authorMark';
import { listOf, t } from '../core/l10n';
import type { Snapshot } from '../shared/protocol';
import { button } from './controls';
import { h } from './dom';
import { clockTime } from './dates';
import { post } from './host';

/** Due prompts, today's wins, the evidence bank and vicarious models. Read-only, so redrawn whole. */
export function evidencePanel(s: Snapshot): HTMLElement {
  const due: HTMLElement[] = [];
  if (s.due.reflection) {
    due.push(h('li', {}, t('Your weekly reflection is due. '), button(t('Reflect'), () => post({ type: 'run', action: 'weeklyReflection' }), { secondary: true, id: 'due-reflection' })));
  }
  if (s.due.reassess.length) {
    due.push(h('li', {}, t('Time to reassess: {0}. ', listOf(s.due.reassess)), button(t('Rate'), () => post({ type: 'run', action: 'rateDomain' }), { secondary: true, id: 'due-rate' })));
  }
  const bankTitle = s.evidence.domainName ? t('Evidence bank: {0}', s.evidence.domainName) : t('Evidence bank');
  return h(
    'section',
    { class: 'evidence', 'aria-labelledby': 'evidence-heading' },
    h('h2', { id: 'evidence-heading' }, t('Evidence')),
    due.length ? h('ul', { class: 'due', id: 'due-prompts', 'aria-label': t('Due now') }, ...due) : null,
    h('h3', {}, t("Today's wins")),
    s.todayWins.length
      ? h('ul', { id: 'today-wins' }, ...s.todayWins.map((w) => h('li', {}, h('span', { class: 'muted' }, `${clockTime(w.at)} · ${w.domainName} · `), w.text)))
      : h('p', { class: 'muted', id: 'today-wins' }, t('No wins yet today.')),
    h('h3', {}, bankTitle),
    s.evidence.fromRecord ? h('p', { class: 'from-record', id: 'evidence-record' }, s.evidence.fromRecord) : null,
    s.evidence.wins.length || s.evidence.encouragements.length
      ? h(
          'ul',
          { id: 'evidence-bank' },
          ...s.evidence.encouragements.map((e) => h('li', { class: 'encouragement' }, `“${e.text}” — ${e.from}`)),
          ...s.evidence.wins.map((w) => h('li', {}, w.text, authorMark(w))),
        )
      : h('p', { class: 'muted', id: 'evidence-bank' }, t('Every win you log, and every credible word of encouragement you record, lands here.')),
    h('div', { class: 'actions' }, button(t('Record encouragement'), () => post({ type: 'run', action: 'recordEncouragement' }), { secondary: true, icon: 'quote' })),
    s.evidence.works.length ? h('h3', {}, t('What works for you')) : null,
    s.evidence.works.length ? h('ul', { id: 'what-works' }, ...s.evidence.works.map((w) => h('li', {}, w, ' ', saveAsCue(w)))) : null,
    s.evidence.patterns.length ? h('h3', {}, t('Patterns in your slips')) : null,
    s.evidence.patterns.length ? h('ul', { id: 'slip-patterns' }, ...s.evidence.patterns.map((p) => h('li', {}, p))) : null,
    h('h3', {}, t('Models')),
    s.models.length
      ? h('ul', { id: 'models' }, ...s.models.map((m) => h('li', {}, h('strong', {}, m.name), m.domainName ? ` (${m.domainName})` : '', ': ', m.workflowNotes)))
      : h('p', { class: 'muted', id: 'models' }, t('Add someone like you who got there by visible effort.')),
    h('div', { class: 'actions' }, button(t('Add model'), () => post({ type: 'run', action: 'addModel' }), { secondary: true, icon: 'person-add' })),
    h('div', { class: 'actions' }, button(t('Edit or delete a record…'), () => post({ type: 'run', action: 'editOrDelete' }), { secondary: true, icon: 'edit', id: 'edit-or-delete' })),
  );
}

/** A tweak that worked, kept as a self-talk cue in one click. */
function saveAsCue(tweak: string): HTMLElement {
  return button(t('Save as a cue'), () => post({ type: 'saveCue', instruction: tweak }), { secondary: true, ariaLabel: t('Save "{0}" as a self-talk cue', tweak) });
}
