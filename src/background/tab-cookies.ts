/** "The cookies for this tab": every cookie that the tab's page would send or could see, audited. */
import browser from 'webextension-polyfill';
import { cookiesForPage } from '../core/page-cookies';
import { hostOf, registrableDomain } from '../core/site';
import type { TabCookies } from '../messages';
import { browserName } from './platform';
import { auditedCookies } from './audit-cache';
import { getAllUnder, storeIdForTab } from './cookie-api';

export async function tabCookies(tabId: number): Promise<TabCookies> {
  const tab = await browser.tabs.get(tabId);
  const url = tab.url ?? '';
  const storeId = await storeIdForTab(tab);
  const host = hostOf(url);
  const info = { tabId, url, storeId, incognito: tab.incognito };
  const cookies = host ? cookiesForPage(await getAllUnder(registrableDomain(host), storeId), url) : [];
  const { findings, summary } = auditedCookies(cookies, { pageUrl: url, browser: browserName });
  return { tab: info, cookies, findings, summary };
}
