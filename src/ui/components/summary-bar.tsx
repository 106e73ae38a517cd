import type { SiteSummary } from '../../core/audit';
import { type Severity, SEVERITIES } from '../../model/severity';
import { severityPillTitle, severityWord } from '../finding-text';
import { num, t } from '../i18n';
import type { SeverityFilter } from '../model';
import { cookieCount } from '../format';

export interface SummaryBarProps {
  summary: SiteSummary;
  site: string;
  /** Cookies with at least one finding of each severity. */
  counts: Record<Severity, number>;
  filter: SeverityFilter;
  onFilter: (filter: SeverityFilter) => void;
  /** The cookie that decides the grade, and showing it. */
  worst?: { name: string; show: () => void } | undefined;
  /** Opens the manager page (every site's cookies); absent: no such link. */
  onAllSites?: (() => void) | undefined;
}

/** Site grade (naming its worst cookie), the cookie count, and one filter pill per severity. */
export function SummaryBar({ summary, site, counts, filter, onFilter, worst, onAllSites }: SummaryBarProps) {
  const empty = summary.cookies === 0;
  return (
    <header class="summary" title={t('site_summary')}>
      {!empty && (
        <button
          type="button"
          class={`grade grade-${summary.grade}`}
          aria-label={worst ? t('grade_show_worst', summary.grade, worst.name) : t('grade', summary.grade)}
          title={worst ? t('score_worst', num(summary.score), worst.name) : t('score', num(summary.score))}
          onClick={() => worst?.show()}
        >
          {summary.grade}
        </button>
      )}
      {!empty && worst && (
        <button type="button" class="link worst" onClick={worst.show} title={t('worst_title')}>
          {t('worst')} <span class="isolate">{worst.name || t('no_name')}</span>
        </button>
      )}
      <span class="site" title={site}>
        {site}
      </span>
      <span class="count">{cookieCount(summary.cookies)}</span>
      {!empty &&
        SEVERITIES.map((s) => (
          <button
            type="button"
            key={s}
            class={`sev sev-${s}`}
            data-summary-severity={s}
            aria-pressed={filter === s}
            title={severityPillTitle(counts[s], s)}
            onClick={() => onFilter(filter === s ? undefined : s)}
          >
            <span class={`mark-${s}`}>{t('sev_count', num(counts[s]), severityWord(s))}</span>
          </button>
        ))}
      {onAllSites && (
        <button type="button" class="link all-sites" onClick={onAllSites} title={t('all_sites_title')}>
          {t('all_sites')}
        </button>
      )}
    </header>
  );
}
