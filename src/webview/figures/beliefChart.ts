import { dot, line } from '@observablehq/plot';
import { listOf, t } from '../../core/l10n';
import type { Figures } from '../../shared/progressProtocol';
import { figure, legend, table } from './figure';
import { seriesColour, seriesSwatch } from './series';
import { fullDate, tickRoom, timeTick } from './format';
import { plotChart, VALUE_MARKS } from './plotChart';

/** Can-do ratings (0–100) per domain over the range, one coloured line each. */
export function beliefChart(s: Figures, width: number): HTMLElement {
  const title = t('Can-do belief over time');
  const order = (domainId: string) => Math.max(0, s.domains.findIndex((d) => d.id === domainId));
  // In the order of the domain list, as the filter and every legend show them.
  const series = s.belief.filter((b) => b.points.length > 0).sort((a, b) => order(a.domainId) - order(b.domainId));
  if (series.length === 0) return figure({ key: 'belief', title, summary: t('No can-do ratings in this period. Rate a domain (0–100) to start the line.') });
  const points = series.flatMap((b) =>
    b.points.map((p) => ({ date: new Date(p.at), at: p.at, value: p.value, domainId: b.domainId, name: b.domainName, colour: seriesColour(order(b.domainId)) })),
  );
  const chart = plotChart(
    {
      width,
      height: 300,
      marginLeft: 48,
      marginBottom: 40,
      x: { type: 'time', domain: [new Date(s.from), new Date(s.now)], label: t('Date'), tickFormat: timeTick(s.from, s.now), ticks: tickRoom(width) },
      y: { domain: [0, 100], ticks: [0, 25, 50, 75, 100], grid: true, label: t('Can-do rating (0–100)') },
      color: { type: 'identity' },
      marks: [
        line(points, { x: 'date', y: 'value', z: 'domainId', stroke: 'colour', strokeWidth: 2 }),
        dot(points, { x: 'date', y: 'value', fill: 'colour', r: 4.5, className: VALUE_MARKS, ariaLabel: (p: (typeof points)[number]) => t('{0}: {1} on {2}', p.name, p.value, fullDate(p.at)) }),
      ],
    },
    { key: 'belief', label: title },
  );
  const clauses = series.map((b) => {
    const first = b.points[0]?.value ?? 0;
    const last = b.points[b.points.length - 1]?.value ?? 0;
    return b.points.length === 1 ? t('{0} at {1}', b.domainName, last) : t('{0} from {1} to {2}', b.domainName, first, last);
  });
  return figure({
    key: 'belief',
    title,
    summary: t('Can-do ratings in this period: {0}.', listOf(clauses)),
    legend: legend(series.map((b) => ({ label: b.domainName, swatch: seriesSwatch(order(b.domainId)) }))),
    chart,
    table: table(title, [t('Domain'), t('Date'), t('Rating (0–100)')], points.map((p) => [p.name, fullDate(p.at), p.value])),
  });
}
