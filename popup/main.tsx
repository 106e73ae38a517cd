/** Popup entry: the cookies of the active tab (or of `?tabId=N`). */
import { render } from 'preact';
import { CookieWorkbench } from '../src/ui/components/cookie-workbench';
import { extensionConnector, targetTabId } from '../src/ui/connect/extension';
import '../src/ui/styles.css';

const tabId = targetTabId();
const app = document.getElementById('app');
if (app) render(<CookieWorkbench connector={extensionConnector(() => tabId)} />, app);
