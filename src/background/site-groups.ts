/** "The cookies of this page, by site": the top-level site and every third-party frame of the tab. */
import { cookiesForFrame, thirdPartySites } from '../core/page-cookies';
import { hostOf, registrableDomain } from '../core/site';
import type { SiteGroup, TabCookiesBySite } from '../messages';
import { browserName } from './platform';
import { auditedCookies } from './audit-cache';
import { getAllUnder } from './cookie-api';
import { tabCookies } from './tab-cookies';

/** `framesOf` gives the URLs of the frames the tab's page loaded (from the Set-Cookie log). */
export async function cookiesBySite(
  tabId: number,
  framesOf: (tabId: number) => Promise<string[]>,
): Promise<TabCookiesBySite> {
  const top = await tabCookies(tabId);
  const topUrl = top.tab.url;
  const topGroup: SiteGroup = {
    site: registrableDomain(hostOf(topUrl)) || topUrl,
    label: 'top-level',
    urls: [topUrl],
    cookies: top.cookies,
    findings: top.findings,
    summary: top.summary,
  };
  const frames = await framesOf(tabId);
  const groups: SiteGroup[] = [topGroup];
  for (const [site, urls] of thirdPartySites(topUrl, frames)) {
    const cookies = cookiesForFrame(await getAllUnder(site, top.tab.storeId), urls, topUrl);
    // Audited as seen from the page, so rules about third-party use apply.
    const { findings, summary } = auditedCookies(cookies, { pageUrl: topUrl, browser: browserName });
    groups.push({ site, label: 'third-party frame', urls, cookies, findings, summary });
  }
  return { ...top, sites: groups };
}
