/** Popup entry: the cookies of the active tab (or of `?tabId=N`). */
import { render } from 'preact';
import { TabCookiesView } from '../src/ui/components/tab-cookies-view';
import { send, targetTabId } from '../src/ui/connect/extension';
import '../src/ui/styles.css';

const load = async () => send('cookies/for-tab', { tabId: await targetTabId() });
const app = document.getElementById('app');
if (app) render(<TabCookiesView load={load} />, app);
