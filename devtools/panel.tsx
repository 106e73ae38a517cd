/** DevTools panel entry: the inspected tab's cookies (or `?tabId=N` when opened as a page). */
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { TabCookiesView } from '../src/ui/components/tab-cookies-view';
import { send, targetTabId } from '../src/ui/connect/extension';
import '../src/ui/styles.css';

async function inspectedTabId(): Promise<number> {
  const inspected = browser.devtools?.inspectedWindow?.tabId;
  return typeof inspected === 'number' ? inspected : targetTabId();
}

const load = async () => send('cookies/for-tab', { tabId: await inspectedTabId() });
const app = document.getElementById('app');
if (app) render(<TabCookiesView load={load} />, app);
