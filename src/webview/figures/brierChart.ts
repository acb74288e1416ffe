import { dot, line, ruleY, text } from '@observablehq/plot';
import { listOf, t } from '../../core/l10n';
import type { Figures } from '../../shared/progressProtocol';
import { monthOfYear } from '../dates';
import { figure, legend, table } from './figure';
import { seriesColour, seriesSwatch } from './series';
import { score, tickRoom, timeTick } from './format';
import { plotChart, VALUE_MARKS } from './plotChart';

/** Always rating 5/10 scores this: a line to read the others against. */
const COIN = 0.25;

/** The Brier score of each domain's reviewed subgoals, per month: lower is better calibrated. */
export function brierChart(s: Figures, width: number): HTMLElement {
  const title = t('Calibration over time (Brier score)');
  const order = (domainId: string) => Math.max(0, s.domains.findIndex((d) => d.id === domainId));
  // In the order of the domain list, as the filter and every legend show them.
  const series = s.brier.filter((b) => b.points.length > 0).sort((a, b) => order(a.domainId) - order(b.domainId));
  if (series.length === 0) return figure({ key: 'brier', title, summary: t('No reviewed subgoals in this period.') });
  const points = series.flatMap((b) =>
    b.points.map((p) => ({ ...p, date: new Date(p.month), domainId: b.domainId, name: b.domainName, colour: seriesColour(order(b.domainId)) })),
  );
  const start = Math.min(s.from, ...points.map((p) => p.month));
  const top = Math.max(0.5, ...points.map((p) => p.score));
  const chart = plotChart(
    {
      width,
      height: 260,
      marginLeft: 48,
      marginBottom: 40,
      x: { type: 'time', domain: [new Date(start), new Date(s.now)], label: t('Month'), tickFormat: timeTick(start, s.now), ticks: tickRoom(width) },
      y: { domain: [0, top], grid: true, label: t('Brier score (0 is perfect)'), tickFormat: score },
      color: { type: 'identity' },
      marks: [
        ruleY([COIN], { stroke: 'currentColor', strokeOpacity: 0.5, strokeDasharray: '4 4' }),
        text([COIN], { y: (v: number) => v, text: () => t('always 5/10'), frameAnchor: 'right', textAnchor: 'end', dy: -7, fill: 'currentColor', fillOpacity: 0.8 }),
        line(points, { x: 'date', y: 'score', z: 'domainId', stroke: 'colour', strokeWidth: 2 }),
        dot(points, {
          x: 'date',
          y: 'score',
          fill: 'colour',
          r: 4.5,
          className: VALUE_MARKS,
          ariaLabel: (p: (typeof points)[number]) => t('{0}, {1}: Brier score {2} over {3} goals', p.name, monthOfYear(p.month), score(p.score), p.goals),
        }),
      ],
    },
    { key: 'brier', label: title },
  );
  const latest = series.map((b) => {
    const last = b.points[b.points.length - 1];
    return last ? t('{0}: {1} in {2}', b.domainName, score(last.score), monthOfYear(last.month)) : b.domainName;
  });
  return figure({
    key: 'brier',
    title,
    summary: t('Latest monthly Brier score (0 is perfect; always saying 5/10 scores 0.25): {0}.', listOf(latest)),
    legend: legend(series.map((b) => ({ label: b.domainName, swatch: seriesSwatch(order(b.domainId)) }))),
    chart,
    table: table(title, [t('Domain'), t('Month'), t('Brier score'), t('Goals')], points.map((p) => [p.name, monthOfYear(p.month), score(p.score), p.goals])),
  });
}
