import type { SiteItem } from '../../manager-model';
import { cookieCount } from '../../outcome-text';
import { byteSize } from '../../byte-size';
import { num, t } from '../../i18n';
import { pure } from '../../pure';

export interface SiteHeaderProps {
  item: SiteItem;
  /** Opens "protect a name pattern" for this site. */
  onProtectPattern: (site: string, otherSites: string[]) => void;
}

/** A site's heading in the manager's list: its name, how many cookies (and how many shown), their size and grade. */
export const SiteHeader = pure(function SiteHeader({ item, onProtectPattern }: SiteHeaderProps) {
  const { site, summary, total, shown, bytes, partitioned, otherSites } = item;
  return (
    <h2 class="site-head">
      <span class={`grade grade-${summary.grade}`} title={t('m_grade_score', summary.grade, num(summary.score))}>
        {summary.grade}
      </span>
      <span class="site-name">{site}</span>
      <span class="site-count">
        {shown === total ? cookieCount(total) : t('m_n_of', num(shown), cookieCount(total))} · {byteSize(bytes)}
        {partitioned > 0 ? ` · ${t('m_n_partitioned', num(partitioned))}` : ''}
      </span>
      <button
        type="button"
        class="link"
        aria-label={t('m_protect_names_on', site)}
        onClick={() => onProtectPattern(site, otherSites)}
      >
        {t('m_protect_names')}
      </button>
    </h2>
  );
});
