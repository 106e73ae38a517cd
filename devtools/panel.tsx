/** DevTools panel entry: the inspected tab's cookies (or `?tabId=N` when opened as a page). */
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { CookieWorkbench } from '../src/ui/components/cookie-workbench';
import { extensionConnector, targetTabId } from '../src/ui/connect/extension';
import '../src/ui/styles.css';

async function inspectedTabId(): Promise<number> {
  const inspected = browser.devtools?.inspectedWindow?.tabId;
  return typeof inspected === 'number' ? inspected : targetTabId();
}

document.body.classList.add('panel');
const tabId = inspectedTabId();
const app = document.getElementById('app');
if (app) render(<CookieWorkbench connector={extensionConnector(() => tabId)} />, app);
