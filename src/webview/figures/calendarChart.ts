import { axisX, cell, dot } from '@observablehq/plot';
import { t, winCount } from '../../core/l10n';
import { weekStart } from '../../core/time';
import type { Figures } from '../../shared/progressProtocol';
import { figure, legend, table } from './figure';
import { count, fullDate } from './format';
import { monthName, weekdayLabel } from '../dates';
import { plotChart, VALUE_MARKS } from './plotChart';

/** Fill opacity per level of a day's wins (0 none … 4 the most in the period), as the sidebar's calendar shades them. */
const SHADES = [0, 0.3, 0.5, 0.75, 1];
const CELL_MAX = 22;
const MARGIN = { top: 22, right: 8, bottom: 6, left: 40 };

type Day = Figures['calendar']['days'][number];

const weekdayOf = (day: number) => (new Date(day).getDay() + 6) % 7;

function dayLabel(d: Day): string {
  if (d.wins === 0) return t('{0}: no wins', fullDate(d.day));
  if (d.assisted === 0) return t('{0}: {1}', fullDate(d.day), winCount(d.wins));
  return t('{0}: {1}, {2} of them with AI help', fullDate(d.day), winCount(d.wins), d.assisted);
}

/** A column per week, a row per weekday; wins in green, a dot where some were done with AI help. */
export function calendarChart(s: Figures, width: number): HTMLElement {
  const title = t('Wins per day');
  const days = s.calendar.days;
  const first = days[0]?.day ?? s.calendar.from;
  const today = days[days.length - 1]?.day ?? s.now;
  const weeks = [...new Set(days.map((d) => weekStart(d.day)))];
  const most = Math.max(1, ...days.map((d) => d.wins));
  const level = (d: Day) => (d.wins === 0 ? 0 : Math.ceil((d.wins / most) * 4));
  // A month is named above the week holding its first Monday; a first column a month's second half
  // begins is named too, unless the next name would crowd it.
  const starts = weeks.filter((w) => new Date(w).getDate() <= 7);
  const firstStart = starts[0] === undefined ? weeks.length : weeks.indexOf(starts[0]);
  const monthTicks = firstStart > 2 && weeks[0] !== undefined ? [weeks[0], ...starts] : starts;
  const size = Math.max(8, Math.min(CELL_MAX, (width - MARGIN.left - MARGIN.right) / Math.max(1, weeks.length)));
  const chart = plotChart(
    {
      width: MARGIN.left + MARGIN.right + size * weeks.length,
      height: MARGIN.top + MARGIN.bottom + size * 7,
      marginTop: MARGIN.top,
      marginRight: MARGIN.right,
      marginBottom: MARGIN.bottom,
      marginLeft: MARGIN.left,
      x: { type: 'band', domain: weeks, padding: 0 },
      y: { type: 'band', domain: [0, 1, 2, 3, 4, 5, 6], padding: 0, ticks: [0, 2, 4], tickSize: 0, tickFormat: weekdayLabel, label: null },
      color: { type: 'identity' },
      opacity: { type: 'identity' },
      marks: [
        axisX(monthTicks, { anchor: 'top', tickSize: 0, tickFormat: (w: number) => monthName(w), label: null, textAnchor: 'start', dx: -size / 2 }),
        cell(days, {
          x: (d: Day) => weekStart(d.day),
          y: (d: Day) => weekdayOf(d.day),
          fill: 'var(--vscode-charts-green)',
          fillOpacity: (d: Day) => SHADES[level(d)] ?? 1,
          inset: 1.5,
          rx: 2,
          className: VALUE_MARKS,
          ariaLabel: dayLabel,
        }),
        dot(
          days.filter((d) => d.assisted > 0),
          { x: (d: Day) => weekStart(d.day), y: (d: Day) => weekdayOf(d.day), r: size * 0.2, fill: 'var(--vscode-charts-purple)', stroke: 'var(--vscode-editor-background)', pointerEvents: 'none' },
        ),
      ],
    },
    // Left and right move a week, up and down a day, as the grid is laid out.
    { key: 'calendar', label: title, steps: { ArrowLeft: -7, ArrowRight: 7, ArrowUp: -1, ArrowDown: 1 } },
  );
  const withWins = days.filter((d) => d.wins > 0);
  const total = withWins.reduce((n, d) => n + d.wins, 0);
  const assisted = withWins.reduce((n, d) => n + d.assisted, 0);
  const best = withWins.reduce<Day | undefined>((a, d) => (!a || d.wins > a.wins ? d : a), undefined);
  const active = withWins.length === 1 ? t('1 day') : t('{0} days', withWins.length);
  const summary = !best
    ? t('No wins between {0} and {1}. Rest days are fine: there is no streak to break.', fullDate(first), fullDate(today))
    : assisted === 0
      ? t('{0} on {1} between {2} and {3}; the most in one day was {4} ({5}).', winCount(total), active, fullDate(first), fullDate(today), best.wins, fullDate(best.day))
      : t('{0} on {1} between {2} and {3}, {4} of them with AI help; the most in one day was {5} ({6}).', winCount(total), active, fullDate(first), fullDate(today), assisted, best.wins, fullDate(best.day));
  return figure({
    key: 'calendar',
    title,
    summary,
    legend: legend([
      { label: t('Wins (a stronger colour is more)'), swatch: 'swatch swatch-green' },
      { label: t('With AI help'), swatch: 'swatch swatch-dot swatch-purple' },
    ]),
    chart,
    table: withWins.length === 0 ? undefined : table(t('Days with wins; every other day had none.'), [t('Date'), t('Wins'), t('With AI help')], withWins.map((d) => [fullDate(d.day), count(d.wins), count(d.assisted)])),
  });
}
