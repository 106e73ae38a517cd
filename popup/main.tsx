/** Popup entry: the cookies of the active tab (or of `?tabId=N`). */
import { render } from 'preact';
import { CookieWorkbench } from '../src/ui/components/cookie-workbench';
import { browser } from '../src/ui/connect/browser-api';
import { extensionConnector, targetTabId } from '../src/ui/connect/extension';
import '../src/ui/styles.css';
import { uiLocale } from '../src/ui/i18n';

// The page's language is the browser's, for screen readers and hyphenation.
document.documentElement.lang = uiLocale();
const tabId = targetTabId();
const app = document.getElementById('app');
const allSites = () => void browser.runtime.openOptionsPage();
if (app) render(<CookieWorkbench connector={extensionConnector(() => tabId)} onAllSites={allSites} />, app);
