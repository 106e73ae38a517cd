/**
 * The cookie stores the manager can show. Chrome: `0` (normal windows) and `1` (incognito, listed
 * by the browser only while an incognito window is open and the extension is allowed in it).
 * Firefox: `firefox-default`, `firefox-private` when the extension may run in private windows, and
 * one store per container (`contextualIdentities`, absent or throwing when containers are turned off).
 */
import browser from 'webextension-polyfill';
import type { StoreInfo } from '../messages';
import { browserName } from './platform';
import { word } from './words';

interface Container {
  cookieStoreId: string;
  name: string;
  color?: string;
  colorCode?: string;
}

/** Firefox's containers, or none when the API is missing or containers are turned off. */
async function containers(): Promise<Container[]> {
  const api = (browser as { contextualIdentities?: { query(details: object): Promise<Container[]> } })
    .contextualIdentities;
  if (!api) return [];
  try {
    const found = await api.query({});
    return Array.isArray(found) ? found : [];
  } catch {
    return [];
  }
}

async function privateAllowed(): Promise<boolean> {
  try {
    return (await browser.extension.isAllowedIncognitoAccess()) === true;
  } catch {
    return false;
  }
}

/** A store's kind and name in words, from its id alone (a container's name needs `listStores`). */
export function describeStore(id: string): StoreInfo {
  if (id === '0' || id === 'firefox-default') return { id, kind: 'default', name: word('bg_store_normal') };
  if (id === '1' && browserName === 'chrome') return { id, kind: 'private', name: word('bg_store_incognito') };
  if (id === 'firefox-private') return { id, kind: 'private', name: word('bg_store_private') };
  if (id.startsWith('firefox-container-'))
    return { id, kind: 'container', name: word('bg_store_container', id.slice(18)) };
  return { id, kind: 'default', name: id };
}

/** Every store there is, normal first, then private, then each container in the browser's order. */
export async function listStores(): Promise<StoreInfo[]> {
  if (browserName === 'chrome') {
    const ids = (await browser.cookies.getAllCookieStores()).map((s) => s.id);
    const stores = ids.map(describeStore);
    if (!ids.includes('0')) stores.unshift(describeStore('0'));
    return stores.sort((a, b) => Number(a.kind === 'private') - Number(b.kind === 'private'));
  }
  const stores: StoreInfo[] = [describeStore('firefox-default')];
  if (await privateAllowed()) stores.push(describeStore('firefox-private'));
  for (const c of await containers()) {
    if (typeof c.cookieStoreId !== 'string') continue;
    const info: StoreInfo = {
      id: c.cookieStoreId,
      kind: 'container',
      name: c.name || describeStore(c.cookieStoreId).name,
    };
    const color = c.colorCode || c.color;
    if (color) info.color = color;
    stores.push(info);
  }
  return stores;
}

/** One store as the manager shows it: from the list when it is there (a container's own name), else from its id. */
export async function storeInfo(id: string): Promise<StoreInfo> {
  return (await listStores()).find((s) => s.id === id) ?? describeStore(id);
}
