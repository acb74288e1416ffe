import { rectY } from '@observablehq/plot';
import { t } from '../../core/l10n';
import { addWeeks, spokenDuration, weekStart } from '../../core/time';
import type { Figures } from '../../shared/progressProtocol';
import { figure, table } from './figure';
import { count, fullDate, timeTick, weekTicks } from './format';
import { plotChart, VALUE_MARKS } from './plotChart';

type Week = Figures['focus'][number];
const MINUTE = 60_000;

/** Whole minutes only: for a week or two of a few minutes, Plot's ticks would fall between them (and round to the same label). */
function minuteTicks(weeks: readonly Week[]): number[] | undefined {
  const most = Math.ceil(Math.max(0, ...weeks.map((w) => w.minutes)));
  return most < 6 ? Array.from({ length: most + 1 }, (_, i) => i) : undefined;
}

/** Focused minutes per week, computed by the host from timestamps (pauses left out). */
export function focusChart(s: Figures, width: number): HTMLElement {
  const title = t('Focused time per week');
  const weeks = s.focus;
  const total = weeks.reduce((n, w) => n + w.minutes, 0);
  if (total === 0) return figure({ key: 'focus', title, summary: t('No focused time in this period.') });
  const end = addWeeks(weekStart(s.now), 1);
  const busiest = weeks.reduce((a, w) => (w.minutes > a.minutes ? w : a));
  const chart = plotChart(
    {
      width,
      height: 240,
      marginLeft: 56,
      marginBottom: 40,
      x: { type: 'time', domain: [new Date(s.from), new Date(end)], label: t('Week'), tickFormat: timeTick(s.from, end), ticks: weekTicks(s.from, end, width) },
      y: { grid: true, label: t('Focused minutes'), tickFormat: count, ticks: minuteTicks(weeks) },
      color: { type: 'identity' },
      marks: [
        rectY(weeks, {
          x1: (w: Week) => new Date(w.weekOf),
          x2: (w: Week) => new Date(addWeeks(w.weekOf, 1)),
          y: 'minutes',
          fill: 'var(--vscode-charts-blue)',
          insetLeft: 1,
          insetRight: 1,
          className: VALUE_MARKS,
          ariaLabel: (w: Week) => t('Week of {0}: {1} focused minutes', fullDate(w.weekOf), count(w.minutes)),
        }),
      ],
    },
    { key: 'focus', label: title },
  );
  return figure({
    key: 'focus',
    title,
    summary: t('{0} of focused time from {1} to {2}; the busiest week began {3} ({4}).', spokenDuration(total * MINUTE), fullDate(s.from), fullDate(s.now), fullDate(busiest.weekOf), spokenDuration(busiest.minutes * MINUTE)),
    chart,
    table: table(title, [t('Week of'), t('Focused minutes')], weeks.map((w) => [fullDate(w.weekOf), count(w.minutes)])),
  });
}
