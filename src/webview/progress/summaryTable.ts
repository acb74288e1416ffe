import { collectionCount, sessionCount, t, winCount } from '../../core/l10n';
import type { ProgressSnapshot } from '../../shared/progressProtocol';
import { h } from '../dom';
import { table } from '../figures/figure';
import { count } from '../figures/format';

/** Each shown domain's numbers in the range, side by side: the table is the view itself here. */
export function summaryTable(s: ProgressSnapshot): HTMLElement {
  const rows = s.summary;
  const none = s.domains.length === 0 ? t('No domains yet. Start a focus session to create one.') : t('No domain is chosen. Tick one under Domains.');
  const sessions = rows.reduce((n, r) => n + r.sessions, 0);
  const wins = rows.reduce((n, r) => n + r.wins, 0);
  // Across the domains that had sessions or wins in the range, not every domain shown.
  const active = rows.filter((r) => r.sessions > 0 || r.wins > 0).length;
  const summary = rows.length === 0 ? none : t('In this period: {0} and {1} across {2}.', sessionCount(sessions), winCount(wins), collectionCount('domains', active));
  const noRating = '—';
  return h(
    'section',
    { class: 'chart summary', id: 'summary', 'aria-labelledby': 'summary-heading', 'aria-describedby': 'summary-summary' },
    h('h2', { id: 'summary-heading' }, t('By domain')),
    h('p', { class: 'chart-summary', id: 'summary-summary' }, summary),
    rows.length === 0
      ? null
      : table(
          t('Each domain in this period'),
          [t('Domain'), t('First rating'), t('Latest rating'), t('Sessions'), t('Wins'), t('Focused minutes')],
          rows.map((r) => [r.domainName, r.firstRating ?? noRating, r.latestRating ?? noRating, count(r.sessions), count(r.wins), count(r.minutes)]),
        ),
  );
}
