import { rectY } from '@observablehq/plot';
import { t } from '../../core/l10n';
import { addWeeks, weekStart } from '../../core/time';
import type { Figures } from '../../shared/progressProtocol';
import { figure, table } from './figure';
import { fullDate, percent, timeTick, weekTicks } from './format';
import { plotChart, VALUE_MARKS } from './plotChart';

type Week = Figures['ownCauses'][number];

function weekLabel(w: Week): string {
  return w.reviews === 1
    ? t('Week of {0}: {1}% of 1 reviewed session', fullDate(w.weekOf), percent(w.ownShare))
    : t('Week of {0}: {1}% of {2} reviewed sessions', fullDate(w.weekOf), percent(w.ownShare), w.reviews);
}

/** Per week, the share of reviewed sessions whose cause was the user's own and controllable. */
export function causesChart(s: Figures, width: number): HTMLElement {
  const title = t('Own and controllable causes');
  const weeks = s.ownCauses;
  const reviews = weeks.reduce((n, w) => n + w.reviews, 0);
  if (reviews === 0) return figure({ key: 'causes', title, summary: t('No reviewed sessions in this period. End a session with a review to see what made the difference.') });
  const own = weeks.reduce((n, w) => n + Math.round(w.ownShare * w.reviews), 0);
  const end = addWeeks(weekStart(s.now), 1);
  const chart = plotChart(
    {
      width,
      height: 240,
      marginLeft: 48,
      marginBottom: 40,
      x: { type: 'time', domain: [new Date(s.from), new Date(end)], label: t('Week'), tickFormat: timeTick(s.from, end), ticks: weekTicks(s.from, end, width) },
      y: { domain: [0, 100], ticks: [0, 25, 50, 75, 100], grid: true, label: t('Own and controllable (%)') },
      color: { type: 'identity' },
      marks: [
        rectY(weeks, {
          x1: (w: Week) => new Date(w.weekOf),
          x2: (w: Week) => new Date(addWeeks(w.weekOf, 1)),
          y: (w: Week) => percent(w.ownShare),
          fill: 'var(--vscode-charts-blue)',
          insetLeft: 1,
          insetRight: 1,
          className: VALUE_MARKS,
          ariaLabel: weekLabel,
        }),
      ],
    },
    { key: 'causes', label: title },
  );
  const share = percent(own / reviews);
  return figure({
    key: 'causes',
    title,
    summary:
      reviews === 1
        ? t('In this period {0}% of 1 reviewed session credited a cause that is yours and controllable (effort, strategy, preparation).', share)
        : t('In this period {0}% of {1} reviewed sessions credited a cause that is yours and controllable (effort, strategy, preparation).', share, reviews),
    chart,
    table: table(title, [t('Week of'), t('Reviews'), t('Own & controllable')], weeks.map((w) => [fullDate(w.weekOf), w.reviews, `${percent(w.ownShare)}%`])),
  });
}
