import '../translations';
import '../figures/figures.css';
import './progress.css';
import { t } from '../../core/l10n';
import type { ProgressHostMessage, ProgressSnapshot } from '../../shared/progressProtocol';
import { fill, h } from '../dom';
import { beliefChart } from '../figures/beliefChart';
import { brierChart } from '../figures/brierChart';
import { calendarChart } from '../figures/calendarChart';
import { calibrationChart } from '../figures/calibrationChart';
import { causesChart } from '../figures/causesChart';
import { Controls } from './controls';
import { focusChart } from '../figures/focusChart';
import { post } from './host';
import { focusedMark, restoreFocus } from '../figures/plotChart';
import { summaryTable } from './summaryTable';

/**
 * The Progress tab. Like the sidebar it owns no data: it draws the host's snapshots and posts what
 * the user chose to look at. Charts are drawn to the tab's width, and again when it changes.
 */
const app = document.getElementById('app') as HTMLElement;
const controls = new Controls();
const charts = h('div', { class: 'charts' });
let latest: ProgressSnapshot | undefined;
let drawnWidth = 0;

/** The width charts are drawn at: the tab's, within what stays readable. */
function chartWidth(): number {
  return Math.round(Math.min(1200, Math.max(320, charts.clientWidth || app.clientWidth || 640)));
}

function render(s: ProgressSnapshot): void {
  latest = s;
  controls.update(s);
  problem.remove();
  if (!charts.isConnected) {
    fill(app, h('h1', {}, t('Progress')), controls.element, charts);
    app.setAttribute('aria-busy', 'false');
  }
  const focused = focusedMark();
  drawnWidth = chartWidth();
  // With no domain shown (none yet, or every one unticked) the summary says why, once, instead of six empty charts.
  const shown = s.domains.some((d) => d.shown);
  fill(
    charts,
    summaryTable(s),
    ...(shown
      ? [beliefChart(s, drawnWidth), calendarChart(s, drawnWidth), focusChart(s, drawnWidth), causesChart(s, drawnWidth), calibrationChart(s, drawnWidth), brierChart(s, drawnWidth)]
      : []),
  );
  restoreFocus(charts, focused);
  document.body.dataset['range'] = s.range;
}

let resizing: number | undefined;
new ResizeObserver(() => {
  window.clearTimeout(resizing);
  resizing = window.setTimeout(() => {
    if (latest && Math.abs(chartWidth() - drawnWidth) > 24) render(latest);
  }, 150);
}).observe(app);

/** Where the host says it could not read the history; emptied by the next snapshot. */
const problem = h('p', { id: 'progress-error', class: 'load-error', role: 'alert' });

function showError(text: string): void {
  problem.textContent = text;
  if (app.getAttribute('aria-busy') === 'true') {
    fill(app, h('h1', {}, t('Progress')), problem);
    app.setAttribute('aria-busy', 'false');
  } else if (!problem.isConnected) controls.element.before(problem);
}

window.addEventListener('message', (event: MessageEvent<ProgressHostMessage>) => {
  if (event.data?.type === 'snapshot') render(event.data.snapshot);
  else if (event.data?.type === 'error') showError(event.data.text);
});

// The host may run on another machine (a remote window): days are cut in the zone of the one the user sits at.
post({ type: 'ready', zone: Intl.DateTimeFormat().resolvedOptions().timeZone });
