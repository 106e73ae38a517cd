import type { SiteSummary } from '../../core/audit';
import { SEVERITIES } from '../../model/severity';

/** Site grade and counts per severity. */
export function SummaryBar({ summary, site }: { summary: SiteSummary; site: string }) {
  return (
    <header class="summary" title="Site summary">
      <span class={`grade grade-${summary.grade}`} title={`Score ${summary.score}/100: the worst cookie decides`}>
        {summary.grade}
      </span>
      <span class="site" title={site}>
        {site}
      </span>
      <span class="count">{summary.cookies} cookies</span>
      {SEVERITIES.map((s) => (
        <span key={s} class={`sev sev-${s}`} data-summary-severity={s}>
          {summary.counts[s]} {s}
        </span>
      ))}
    </header>
  );
}
