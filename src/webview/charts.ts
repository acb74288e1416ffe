import type { Charts } from '../shared/protocol';
import { h, svg } from './dom';
import { monthName, monthOfYear, shortDate, weekdayLabel } from './dates';
import { listOf, t, winCount } from '../core/l10n';
import { seriesColour, seriesSwatch } from './series';
import { metShare } from '../core/insights';

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

/** A scale or time label in a chart's margin, in the text colour. */
function label(x: number, y: number, text: string, anchor: 'start' | 'middle' | 'end', size = 9): SVGElement {
  return svg('text', { x, y, 'text-anchor': anchor, 'dominant-baseline': 'middle', 'font-size': size, fill: 'currentColor', class: 'axis-label' }, text);
}

/** The first and last dates of a time axis, under the plot from `left` to `right`. */
function timeEnds(from: number, to: number, left: number, right: number, y: number): SVGElement[] {
  return from === to ? [label((left + right) / 2, y, shortDate(from), 'middle')] : [label(left, y, shortDate(from), 'start'), label(right, y, shortDate(to), 'end')];
}

export function efficacyChart(series: Charts['efficacy']): HTMLElement {
  const withData = series.filter((s) => s.points.length > 0);
  if (withData.length === 0) return figure(t('Can-do belief, the last 12 months'), t('No ratings yet. Rate a domain (0–100) to start the line.'), null);
  // L leaves room on the left for the scale, so a reader knows the line runs from 0 to 100; B, under
  // the plot, for the dates of the first and the last rating.
  const W = 300, H = 132, P = 6, L = 22, B = 12;
  const all = withData.flatMap((s) => s.points.map((p) => p.at));
  const min = Math.min(...all), max = Math.max(...all);
  const x = (at: number) => (max === min ? (L + W - P) / 2 : L + ((at - min) / (max - min)) * (W - L - P));
  const y = (v: number) => H - B - P - (v / 100) * (H - B - 2 * P);
  const picture = svg(
    'svg',
    { viewBox: `0 0 ${W} ${H}`, class: 'chart-svg', 'aria-hidden': 'true', focusable: 'false' },
    label(L - 4, y(100), '100', 'end'),
    label(L - 4, y(0), '0', 'end'),
    ...timeEnds(min, max, L, W - P, H - B / 2),
    svg('line', { x1: L, x2: W - P, y1: y(50), y2: y(50), class: 'gridline' }),
    ...withData.map((s) => {
      const colour = seriesColour(s.colour);
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
  const legend = h('ul', { class: 'legend' }, ...withData.map((s) => h('li', {}, seriesSwatch(s.colour), s.domainName)));
  const rows = withData.flatMap((s) => s.points.map((p) => [s.domainName, shortDate(p.at), p.value]));
  const fig = figure(t('Can-do belief, the last 12 months'), summary, picture, table([t('Domain'), t('Date'), t('Rating (0–100)')], rows));
  fig.insertBefore(legend, fig.querySelector('.chart-summary'));
  return fig;
}

export function calendarChart(days: Charts['calendar']): HTMLElement {
  // A column per week from Monday; L names Monday, Wednesday and Friday, T the month a column starts.
  const cell = 11, gap = 2, L = 20, T = 10;
  const maxWins = Math.max(1, ...days.map((d) => d.wins));
  const firstWeekday = days[0] ? (new Date(days[0].day).getDay() + 6) % 7 : 0;
  const weeks = Math.ceil((days.length + firstWeekday) / 7);
  const column = (i: number) => L + Math.floor((i + firstWeekday) / 7) * (cell + gap);
  const row = (weekday: number) => T + weekday * (cell + gap);
  const weekdays = [0, 2, 4].map((w) => label(L - 3, row(w) + cell / 2, weekdayLabel(w), 'end', 7));
  const months = days.flatMap((d, i) => {
    const date = new Date(d.day);
    // The first month only when its column has room before the next month's name.
    const starts = date.getDate() === 1 || (i === 0 && date.getDate() <= 14);
    return starts ? [label(column(i), T / 2, monthName(d.day), 'start', 7)] : [];
  });
  const picture = svg(
    'svg',
    { viewBox: `0 0 ${L + weeks * (cell + gap)} ${T + 7 * (cell + gap)}`, class: 'chart-svg calendar', 'aria-hidden': 'true', focusable: 'false' },
    ...weekdays,
    ...months,
    ...days.map((d, i) => {
      const slot = i + firstWeekday;
      const level = d.wins === 0 ? 0 : Math.ceil((d.wins / maxWins) * 4);
      return svg(
        'rect',
        { x: column(i), y: row(slot % 7), width: cell, height: cell, rx: 2, class: `day level-${level}` },
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
  // L holds the share's scale (0–100 %), B the weeks of the first and the last bar.
  const W = 300, H = 114, gap = 4, L = 30, P = 6, B = 14;
  const plot = H - B - P;
  const bw = Math.max(4, (W - L - gap * weeks.length) / Math.max(weeks.length, 1));
  const y = (share: number) => P + plot - share * plot;
  const picture = svg(
    'svg',
    { viewBox: `0 0 ${W} ${H}`, class: 'chart-svg', 'aria-hidden': 'true', focusable: 'false' },
    ...[1, 0.5, 0].map((share) => label(L - 4, y(share), `${share * 100}%`, 'end')),
    svg('line', { x1: L, x2: W, y1: y(0.5), y2: y(0.5), class: 'gridline' }),
    ...timeEnds(weeks[0]?.weekOf ?? 0, weeks[weeks.length - 1]?.weekOf ?? 0, L, L + weeks.length * (bw + gap) - gap, H - B / 2),
    ...weeks.map((w, i) =>
      svg('rect', { x: L + i * (bw + gap), y: y(w.ownShare), width: bw, height: Math.max(1, w.ownShare * plot), class: 'bar-own' }, svg('title', {}, t('Week of {0}: {1}% of {2}', shortDate(w.weekOf), Math.round(w.ownShare * 100), w.reviews))),
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
  // L holds the share met (0–100 %); B is the strip under the bars that names each bar's confidence level (0–10).
  const W = 300, H = 112, P = 6, B = 12, L = 30;
  const bw = (W - L - P) / 11;
  const plot = H - B;
  const picture = svg(
    'svg',
    { viewBox: `0 0 ${W} ${H}`, class: 'chart-svg', 'aria-hidden': 'true', focusable: 'false' },
    label(L - 4, P, '100%', 'end'),
    label(L - 4, plot - P, '0%', 'end'),
    // Perfect calibration: level c met c × 10 % of the time, through the middle of each bar.
    svg('line', { x1: L + 0.5 * bw, y1: plot - P, x2: L + 10.5 * bw, y2: P, class: 'gridline' }),
    ...rows.map((r) => {
      const share = metShare(r);
      const height = share * (plot - 2 * P);
      return svg('rect', { x: L + r.confidence * bw + 1, y: plot - P - height, width: bw - 2, height: r.rated ? Math.max(1, height) : 0, class: 'bar-calibration' }, svg('title', {}, r.partly ? t('Rated {0}: {1} of {2} met, {3} partly', r.confidence, r.met, r.rated, r.partly) : t('Rated {0}: {1} of {2} met', r.confidence, r.met, r.rated)));
    }),
    ...rows.map((r) => label(L + (r.confidence + 0.5) * bw, H - B / 2, String(r.confidence), 'middle')),
  );
  const summary = rated.map((r) => t('your {0}s were met {1}% of the time ({2})', r.confidence, Math.round(metShare(r) * 100), r.rated)).join('; ');
  const fig = figure(
    t('Confidence calibration'),
    t('{0}. Partly met counts half; the diagonal is perfect calibration.', (summary[0]?.toUpperCase() ?? '') + summary.slice(1)),
    picture,
    table([t('Confidence'), t('Subgoals'), t('Met')], rated.map((r) => [r.confidence, r.rated, `${Math.round(metShare(r) * 100)}%`])),
  );
  if (note) fig.append(h('p', { class: 'calibration-note', id: 'calibration-note' }, note));
  const scores = brier.filter((b) => b.points.length > 0);
  if (scores.length) {
    // Each domain's latest month with reviewed goals, named, as the Progress tab says it: that month may be long past.
    const latest = scores.map((b) => {
      const last = b.points[b.points.length - 1];
      return last ? t('{0}: {1} in {2}', b.domainName, last.score.toFixed(2), monthOfYear(last.month)) : b.domainName;
    });
    fig.append(
      h('p', { class: 'chart-summary', id: 'brier-summary' }, t('Latest monthly Brier score (0 is perfect; always saying 5/10 scores 0.25): {0}.', listOf(latest))),
      h('details', {}, h('summary', {}, t('Brier score by month')), table([t('Domain'), t('Month'), t('Score'), t('Goals')], scores.flatMap((b) => b.points.map((p) => [b.domainName, monthOfYear(p.month), p.score.toFixed(2), p.goals])))),
    );
  }
  return fig;
}
