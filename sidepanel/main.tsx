/** Side panel (Chrome) and sidebar (Firefox) entry: the cookies of the active tab of the panel's window, followed. */
import '../src/ui/sidepanel.css';
import { render } from 'preact';
import { ActiveTabWorkbench } from '../src/ui/components/active-tab-workbench';
import { followActiveTab } from '../src/ui/connect/active-tab';
import { browser } from '../src/ui/connect/browser-api';
import { extensionConnector } from '../src/ui/connect/extension';
import '../src/ui/styles.css';
import { uiLocale } from '../src/ui/i18n';

document.documentElement.lang = uiLocale();
const follower = followActiveTab({
  query: (query) => browser.tabs.query(query),
  getCurrent: () => browser.tabs.getCurrent(),
  onActivated: browser.tabs.onActivated,
  onUpdated: browser.tabs.onUpdated,
  currentWindow: () => browser.windows.getCurrent(),
});
const connectorFor = (tabId: number) => extensionConnector(() => Promise.resolve(tabId));
const allSites = () => void browser.runtime.openOptionsPage();
const app = document.getElementById('app');
if (app) render(<ActiveTabWorkbench follower={follower} connectorFor={connectorFor} onAllSites={allSites} />, app);
