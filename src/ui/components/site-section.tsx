import type { SiteSection as Section } from '../model';
import { cookieCount } from '../format';
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
  return (
    <section
      class="site-group"
      data-testid="site-group"
      data-site={section.site}
      data-label={section.label}
      aria-label={`${section.site} (${section.label})`}
    >
      <h2>
        {section.site} <span class="site-label">{section.label}</span>{' '}
        <span class="site-count">
          {cookieCount(section.summary.cookies)} · grade {section.summary.grade}
        </span>
      </h2>
      {section.groups.length === 0 ? (
        <p class="empty">No cookie matches.</p>
      ) : (
        section.groups.map((group) => (
          <CookieGroup key={group.label} group={group} now={now} openKey={openKey} actions={actions} pageUrl={pageUrl} />
        ))
      )}
    </section>
  );
}
