import './translations';
import { t } from '../core/l10n';
import type { HostMessage, SessionView, Snapshot } from '../shared/protocol';
import { figureDrawer } from './figures/lazy';
import { button } from './controls';
import { announce, fill, h } from './dom';
import { evidencePanel } from './evidencePanel';
import { post } from './host';
import { reviewForm } from './reviewForm';
import { SessionPanel } from './sessionPanel';
import { StartForm } from './startForm';

/**
 * The dashboard. It owns no data and no timer of its own: it renders the host's snapshots and posts
 * intents. The forms are built once so a snapshot never overwrites what is being typed.
 */
const app = document.getElementById('app') as HTMLElement;
const now = h('div', { id: 'now' });
const feedback = h('div', { id: 'feedback', role: 'status' });
const evidence = h('div', { id: 'evidence' });
const progress = h('section', { class: 'progress', id: 'progress', 'aria-labelledby': 'progress-heading' });
const recordPlace = h('p', { id: 'record-place', class: 'record-place' });
const startForm = new StartForm();
let reviewing: string | undefined;
let latest: Snapshot | undefined;
let ticker: number | undefined;

const sessionPanel = new SessionPanel((session) => openReview(session));

function openReview(session: SessionView): void {
  reviewing = session.id;
  if (latest) render(latest);
  document.getElementById('review-heading')?.focus();
}

function renderNow(s: Snapshot): void {
  const session = s.session;
  if (!session) {
    reviewing = undefined;
    startForm.update(s);
    if (now.firstChild !== startForm.element) fill(now, startForm.element);
    return;
  }
  if (reviewing === session.id) {
    if (!now.querySelector('#review-form')) {
      fill(now, reviewForm(session, () => {
        reviewing = undefined;
        render(s);
      }));
    }
    return;
  }
  reviewing = undefined;
  sessionPanel.update(s);
  if (now.firstChild !== sessionPanel.element) fill(now, sessionPanel.element);
}

const figures = h('div', { class: 'figures', id: 'figures' });

function renderProgress(s: Snapshot): void {
  fill(
    progress,
    h('h2', { id: 'progress-heading' }, t('Progress')),
    h('p', { class: 'muted' }, t('The last 3 months, every domain.')),
    h(
      'div',
      { class: 'actions' },
      button(t('Show progress'), () => post({ type: 'run', action: 'showProgress' }), { secondary: true, icon: 'graph-line', id: 'show-progress' }),
      button(t('Write my review'), () => post({ type: 'writeReview' }), { secondary: true, icon: 'file-text', id: 'write-review' }),
    ),
    s.notes.dip ? h('p', { class: 'dip', id: 'dip-note' }, s.notes.dip) : null,
    s.notes.calibration ? h('p', { class: 'calibration-note', id: 'calibration-note' }, s.notes.calibration) : null,
    figures,
  );
  drawFigures(s);
}

/** The charts, once their script is there (it is asked for at the first snapshot); drawn to the view's width. */
function drawFigures(s: Snapshot): void {
  const draw = figureDrawer(
    () => latest && drawFigures(latest),
    () => fill(figures, h('p', { class: 'error', id: 'figures-error' }, t('The charts could not be loaded in this view. Show progress draws them in a tab.'))),
  );
  if (!draw) return figures.querySelector('#figures-error') ? undefined : fill(figures, h('p', { class: 'muted' }, t('Loading…')));
  fill(figures, ...draw(s.figures, Math.max(240, Math.round(progress.clientWidth || app.clientWidth || 300))));
}

/** Where the record lives, in one line at the foot: only on this machine (with the way to a folder), or a folder that cannot be reached now. */
function renderRecordPlace(s: Snapshot): void {
  const line = s.record;
  if (!line) fill(recordPlace);
  else if (line.kind === 'machine') {
    const choose = h('button', { class: 'link', type: 'button', id: 'choose-journal-folder' }, t('Choose a folder'));
    choose.addEventListener('click', () => post({ type: 'run', action: 'chooseJournalFolder' }));
    fill(recordPlace, `${t('Your record lives only on this machine')} · `, choose);
  } else fill(recordPlace, h('span', { class: line.kind === 'away' ? 'warning' : '' }, line.text));
  recordPlace.hidden = !line;
}

function render(s: Snapshot): void {
  latest = s;
  renderNow(s);
  fill(evidence, evidencePanel(s));
  renderProgress(s);
  renderRecordPlace(s);
  if (!now.isConnected) {
    fill(app, now, feedback, evidence, progress, recordPlace);
    app.setAttribute('aria-busy', 'false');
  }
  // Tick only while a session runs and the view exists; a hidden view is destroyed, not kept.
  if (sessionPanel.running && s.session && ticker === undefined) ticker = window.setInterval(() => sessionPanel.tick(), 1000);
  if ((!s.session || s.session.paused) && ticker !== undefined) {
    window.clearInterval(ticker);
    ticker = undefined;
  }
  document.body.dataset['state'] = s.session ? (reviewing ? 'reviewing' : 'running') : 'idle';
}

function showFeedback(text: string, kind: 'feedback' | 'error'): void {
  // Before the first snapshot (the host could not build one), the message is all the view shows.
  if (!feedback.isConnected) {
    fill(app, feedback);
    app.setAttribute('aria-busy', 'false');
  }
  fill(feedback, h('p', { class: kind }, text), button(t('Dismiss'), () => fill(feedback), { secondary: true }));
  announce(text);
}

window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
  const message = event.data;
  switch (message.type) {
    case 'snapshot':
      render(message.snapshot);
      break;
    case 'feedback':
      showFeedback(message.text, 'feedback');
      break;
    case 'error':
      showFeedback(message.text, 'error');
      break;
  }
});

// The host may run on another machine (a remote window): days are cut in the zone of the one the user sits at.
post({ type: 'ready', zone: Intl.DateTimeFormat().resolvedOptions().timeZone });
