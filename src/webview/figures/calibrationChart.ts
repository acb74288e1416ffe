import { dot, line, text } from '@observablehq/plot';
import { t } from '../../core/l10n';
import type { Figures } from '../../shared/progressProtocol';
import { metShare } from '../../core/figures/insights';
import type { CalibrationRow } from '../../core/figures/insights';
import { figure, legend, table } from './figure';
import { count, oneDecimal, percent } from './format';
import { plotChart, VALUE_MARKS } from './plotChart';

interface Level extends CalibrationRow {
  /** Met, a partly met goal counting half (metShare), in whole percent. */
  share: number;
}

/**
 * A reliability diagram: for each confidence level (0–10), the share of reviewed subgoals that were
 * met (partly met counting half, as in the Brier score below), with how many there were. On the
 * dashed diagonal, confidence matched what got done.
 */
export function calibrationChart(s: Figures, width: number): HTMLElement {
  const title = t('Confidence calibration');
  const levels: Level[] = s.calibration.filter((r) => r.rated > 0).map((r) => ({ ...r, share: percent(metShare(r)) }));
  if (levels.length === 0) return figure({ key: 'calibration', title, summary: t('No reviewed subgoals in this period. Rate and review subgoals to see how your confidence matches what you finish.') });
  const label = (l: Level) => (l.partly ? t('Confidence {0}/10: {1} of {2} met, {3} partly ({4}%)', l.confidence, l.met, l.rated, l.partly, l.share) : t('Confidence {0}/10: {1} of {2} met ({3}%)', l.confidence, l.met, l.rated, l.share));
  const chart = plotChart(
    {
      width,
      height: 300,
      marginLeft: 48,
      marginBottom: 40,
      marginTop: 24,
      x: { domain: [0, 10], ticks: 11, label: t('Confidence you gave (0–10)'), tickFormat: (v: number) => count(v) },
      y: { domain: [0, 100], ticks: [0, 25, 50, 75, 100], grid: true, label: t('Goals met (%)') },
      r: { range: [4, 12] },
      color: { type: 'identity' },
      marks: [
        line([{ x: 0, y: 0 }, { x: 10, y: 100 }], { x: 'x', y: 'y', stroke: 'currentColor', strokeOpacity: 0.5, strokeDasharray: '4 4' }),
        line(levels, { x: 'confidence', y: 'share', stroke: 'var(--vscode-charts-purple)', strokeWidth: 1.5 }),
        // sort: null keeps the levels' order 0–10 for the keyboard; Plot would draw (and so order) larger dots first.
        dot(levels, { x: 'confidence', y: 'share', r: 'rated', sort: null, fill: 'var(--vscode-charts-purple)', className: VALUE_MARKS, ariaLabel: label }),
        text(levels, { x: 'confidence', y: 'share', text: (l: Level) => count(l.rated), dy: -16, fill: 'currentColor' }),
      ],
    },
    { key: 'calibration', label: title },
  );
  const rated = levels.reduce((n, l) => n + l.rated, 0);
  const met = levels.reduce((n, l) => n + l.met + l.partly / 2, 0);
  const average = levels.reduce((n, l) => n + l.confidence * l.rated, 0) / rated;
  return figure({
    key: 'calibration',
    title,
    summary: t('Reviewed subgoals: {0}; average confidence {1}/10; met {2}% (partly met counts half).', rated, oneDecimal(average), percent(met / rated)),
    legend: legend([
      { label: t('Share met at each level; the number is how many subgoals'), swatch: 'swatch swatch-dot swatch-purple' },
      { label: t('Dashed: confidence matched what got done'), swatch: 'swatch swatch-dashed' },
    ]),
    chart,
    table: table(title, [t('Confidence (0–10)'), t('Rated'), t('Met'), t('Partly met'), t('Share met')], levels.map((l) => [l.confidence, l.rated, l.met, l.partly, `${l.share}%`])),
  });
}
