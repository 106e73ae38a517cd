import type { SiteSummary } from '../../core/audit';
import { type Severity, SEVERITIES } from '../../model/severity';
import { severityPillTitle } from '../finding-text';
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
    <header class="summary" title="Site summary">
      {!empty && (
        <button
          type="button"
          class={`grade grade-${summary.grade}`}
          aria-label={`Grade ${summary.grade}${worst ? `: show ${worst.name}, the worst cookie` : ''}`}
          title={`Score ${summary.score}/100: the worst cookie decides${worst ? ` (${worst.name})` : ''}`}
          onClick={() => worst?.show()}
        >
          {summary.grade}
        </button>
      )}
      {!empty && worst && (
        <button type="button" class="link worst" onClick={worst.show} title="Show the cookie that decides the grade">
          worst: <span class="isolate">{worst.name || '(no name)'}</span>
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
            <span class={`mark-${s}`}>
              {counts[s]} {s}
            </span>
          </button>
        ))}
      {onAllSites && (
        <button
          type="button"
          class="link all-sites"
          onClick={onAllSites}
          title="Manage all cookies: every site, backup and restore"
        >
          All sites
        </button>
      )}
    </header>
  );
}
