import type { SiteSection as Section } from '../model';
import { cookieCount } from '../format';
import { t } from '../i18n';
import { CookieGroup, type RowActions } from './cookie-group';

export interface SiteSectionProps {
  section: Section;
  now: number;
  openKey: string | undefined;
  actions: RowActions;
  pageUrl?: string | undefined;
}

/** One site of the page (the DevTools panel): its name, label, count and grade, then its groups. */
export function SiteSection({ section, now, openKey, actions, pageUrl }: SiteSectionProps) {
  const label = t(section.label === 'top-level' ? 'site_top_level' : 'site_third_party');
  return (
    <section
      class="site-group"
      data-testid="site-group"
      data-site={section.site}
      data-label={section.label}
      aria-label={t('site_label', section.site, label)}
    >
      <h2>
        {section.site} <span class="site-label">{label}</span>{' '}
        <span class="site-count">{t('count_grade', cookieCount(section.summary.cookies), section.summary.grade)}</span>
      </h2>
      {section.groups.length === 0 ? (
        <p class="empty">{t('no_match')}</p>
      ) : (
        section.groups.map((group) => (
          <CookieGroup
            key={group.label}
            group={group}
            now={now}
            openKey={openKey}
            actions={actions}
            pageUrl={pageUrl}
          />
        ))
      )}
    </section>
  );
}
