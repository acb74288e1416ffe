import type { Charts } from '../shared/protocol';
import { h, svg } from './dom';
import { monthOfYear, shortDate } from './dates';
import { t, winCount } from '../core/l10n';
import { seriesColour, swatchClass } from './series';

/**
 * Hand-drawn SVG charts: a few hundred lines instead of a charting library, so the bundle stays lean.
 * Every chart comes with a text alternative (a sentence and, where useful, a table).
 */
function figure(title: string, summary: string, picture: Element | null, table?: HTMLTableElement): HTMLElement {
  const details = table ? h('details', {}, h('summary', {}, t('Show as a table')), table) : null;
  return h('figure', { class: 'chart' }, h('figcaption', {}, h('h3', {}, title)), picture, h('p', { class: 'chart-summary' }, summary), details);
}

function table(headers: string[], rows: (string | number)[][]): HTMLTableElement {
  return h(
    'table',
    {},
    h('thead', {}, h('tr', {}, ...headers.map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, ...rows.map((r) => h('tr', {}, ...r.map((c) => h('td', {}, String(c)))))),
  );
}

export function efficacyChart(series: Charts['efficacy']): HTMLElement {
  const withData = series.filter((s) => s.points.length > 0);
  if (withData.length === 0) return figure(t('Can-do belief, the last 12 months'), t('No ratings yet. Rate a domain (0–100) to start the line.'), null);
  // L leaves room on the left for the scale, so a reader knows the line runs from 0 to 100.
  const W = 300, H = 120, P = 6, L = 22;
  const all = withData.flatMap((s) => s.points.map((p) => p.at));
  const min = Math.min(...all), max = Math.max(...all);
  const x = (at: number) => (max === min ? (L + W - P) / 2 : L + ((at - min) / (max - min)) * (W - L - P));
  const y = (v: number) => H - P - (v / 100) * (H - 2 * P);
  const axis = (v: number) => svg('text', { x: L - 4, y: y(v), 'text-anchor': 'end', 'dominant-baseline': 'middle', 'font-size': 9, fill: 'currentColor', class: 'axis-label' }, String(v));
  const picture = svg(
    'svg',
    { viewBox: `0 0 ${W} ${H}`, class: 'chart-svg', 'aria-hidden': 'true', focusable: 'false' },
    axis(100),
    axis(0),
    svg('line', { x1: L, x2: W - P, y1: y(50), y2: y(50), class: 'gridline' }),
    ...withData.map((s, i) => {
      const colour = seriesColour(i);
      const points = s.points.map((p) => `${x(p.at).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
      return svg(
        'g',
        {},
        svg('polyline', { points, fill: 'none', stroke: colour, 'stroke-width': 2 }),
        ...s.points.map((p) => svg('circle', { cx: x(p.at), cy: y(p.value), r: 3, fill: colour }, svg('title', {}, t('{0}: {1} on {2}', s.domainName, p.value, shortDate(p.at))))),
      );
    }),
  );
  const summary = withData
    .map((s) => {
      const first = s.points[0]?.value ?? 0;
      const last = s.points[s.points.length - 1]?.value ?? 0;
      return s.points.length === 1 ? t('{0}: {1}/100.', s.domainName, last) : t('{0}: from {1} to {2} over {3} ratings.', s.domainName, first, last, s.points.length);
    })
    .join(' ');
  const legend = h('ul', { class: 'legend' }, ...withData.map((s, i) => h('li', {}, h('span', { class: swatchClass(i), 'aria-hidden': 'true' }), s.domainName)));
  const rows = withData.flatMap((s) => s.points.map((p) => [s.domainName, shortDate(p.at), p.value]));
  const fig = figure(t('Can-do belief, the last 12 months'), summary, picture, table([t('Domain'), t('Date'), t('Rating (0–100)')], rows));
  fig.insertBefore(legend, fig.querySelector('.chart-summary'));
  return fig;
}

export function calendarChart(days: Charts['calendar']): HTMLElement {
  const cell = 11, gap = 2;
  const maxWins = Math.max(1, ...days.map((d) => d.wins));
  const firstWeekday = days[0] ? (new Date(days[0].day).getDay() + 6) % 7 : 0;
  const weeks = Math.ceil((days.length + firstWeekday) / 7);
  const picture = svg(
    'svg',
    { viewBox: `0 0 ${weeks * (cell + gap)} ${7 * (cell + gap)}`, class: 'chart-svg calendar', 'aria-hidden': 'true', focusable: 'false' },
    ...days.map((d, i) => {
      const slot = i + firstWeekday;
      const level = d.wins === 0 ? 0 : Math.ceil((d.wins / maxWins) * 4);
      return svg(
        'rect',
        { x: Math.floor(slot / 7) * (cell + gap), y: (slot % 7) * (cell + gap), width: cell, height: cell, rx: 2, class: `day level-${level}` },
        svg('title', {}, t('{0}: {1}', shortDate(d.day), winCount(d.wins))),
      );
    }),
  );
  const total = days.reduce((n, d) => n + d.wins, 0);
  const active = days.filter((d) => d.wins > 0).length;
  const best = days.reduce((a, d) => (d.wins > a.wins ? d : a), { day: 0, wins: 0 });
  const summary =
    total === 0
      ? t('No wins in the last 12 weeks yet. Rest days are fine: there is no streak to break.')
      : t('{0} on {1} in the last 12 weeks; the most in one day was {2} ({3}).', winCount(total), active === 1 ? t('1 day') : t('{0} days', active), best.wins, shortDate(best.day));
  return figure(t('Wins per day, last 12 weeks'), summary, picture);
}

export function attributionChart(weeks: Charts['attributionMix']): HTMLElement {
  if (weeks.length === 0) return figure(t('What made the difference'), t('No reviewed sessions yet. End a session with a review to see your attribution mix.'), null);
  const W = 300, H = 100, gap = 4;
  const bw = Math.max(4, (W - gap * weeks.length) / Math.max(weeks.length, 1));
  const picture = svg(
    'svg',
    { viewBox: `0 0 ${W} ${H}`, class: 'chart-svg', 'aria-hidden': 'true', focusable: 'false' },
    ...weeks.map((w, i) =>
      svg('rect', { x: i * (bw + gap), y: H - w.ownShare * H, width: bw, height: Math.max(1, w.ownShare * H), class: 'bar-own' }, svg('title', {}, t('Week of {0}: {1}% of {2}', shortDate(w.weekOf), Math.round(w.ownShare * 100), w.reviews))),
    ),
  );
  const last = weeks[weeks.length - 1];
  const summary = !last
    ? ''
    : last.reviews === 1
      ? t('Week of {0}: {1}% of 1 reviewed session credited a cause that is yours and controllable (effort, strategy, preparation).', shortDate(last.weekOf), Math.round(last.ownShare * 100))
      : t('Week of {0}: {1}% of {2} reviewed sessions credited a cause that is yours and controllable (effort, strategy, preparation).', shortDate(last.weekOf), Math.round(last.ownShare * 100), last.reviews);
  return figure(
    t('Own and controllable causes'),
    summary,
    picture,
    table([t('Week of'), t('Reviews'), t('Own & controllable')], weeks.map((w) => [shortDate(w.weekOf), w.reviews, `${Math.round(w.ownShare * 100)}%`])),
  );
}

export function calibrationChart(rows: Charts['calibration'], note?: string, brier: Charts['brier'] = []): HTMLElement {
  const rated = rows.filter((r) => r.rated > 0);
  if (rated.length === 0) return figure(t('Confidence calibration'), t('No reviewed subgoals yet. Rate and review subgoals to see how your confidence matches what you finish.'), null);
  // B is the strip under the bars that names each bar's confidence level (0–10).
  const W = 300, H = 110, P = 4, B = 12;
  const bw = (W - P * 2) / 11;
  const plot = H - B;
  const picture = svg(
    'svg',
    { viewBox: `0 0 ${W} ${H}`, class: 'chart-svg', 'aria-hidden': 'true', focusable: 'false' },
    svg('line', { x1: P, y1: plot - P, x2: W - P, y2: P, class: 'gridline' }),
    ...rows.map((r) => {
      const share = r.rated ? r.met / r.rated : 0;
      const height = share * (plot - 2 * P);
      return svg('rect', { x: P + r.confidence * bw + 1, y: plot - P - height, width: bw - 2, height: r.rated ? Math.max(1, height) : 0, class: 'bar-calibration' }, svg('title', {}, t('Rated {0}: {1} of {2} met', r.confidence, r.met, r.rated)));
    }),
    ...rows.map((r) => svg('text', { x: P + (r.confidence + 0.5) * bw, y: H - 2, 'text-anchor': 'middle', 'font-size': 9, fill: 'currentColor', class: 'axis-label' }, String(r.confidence))),
  );
  const summary = rated.map((r) => t('your {0}s were met {1}% of the time ({2})', r.confidence, Math.round((r.met / r.rated) * 100), r.rated)).join('; ');
  const fig = figure(
    t('Confidence calibration'),
    t('{0}. The diagonal is perfect calibration.', (summary[0]?.toUpperCase() ?? '') + summary.slice(1)),
    picture,
    table([t('Confidence'), t('Subgoals'), t('Met')], rated.map((r) => [r.confidence, r.rated, `${Math.round((r.met / r.rated) * 100)}%`])),
  );
  if (note) fig.append(h('p', { class: 'calibration-note', id: 'calibration-note' }, note));
  const scores = brier.filter((b) => b.points.length > 0);
  if (scores.length) {
    const latest = scores.map((b) => {
      const last = b.points[b.points.length - 1];
      return `${b.domainName}: ${last ? last.score.toFixed(2) : '–'}`;
    });
    fig.append(
      h('p', { class: 'chart-summary', id: 'brier-summary' }, t('Brier score this month (0 is perfect, 0.25 is guessing): {0}.', latest.join('; '))),
      h('details', {}, h('summary', {}, t('Brier score by month')), table([t('Domain'), t('Month'), t('Score'), t('Goals')], scores.flatMap((b) => b.points.map((p) => [b.domainName, monthOfYear(p.month), p.score.toFixed(2), p.goals])))),
    );
  }
  return fig;
}
