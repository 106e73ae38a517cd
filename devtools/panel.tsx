/**
 * DevTools panel entry: the inspected tab's cookies by site and its Set-Cookie log (or `?tabId=N`
 * when opened as a page, as Firefox tests do). Both follow the inspected tab's navigations.
 */
import { render } from 'preact';
import { browser } from '../src/ui/connect/browser-api';
import { DevtoolsPanel } from '../src/ui/components/devtools-panel';
import type { Connector, SetCookieLogSource } from '../src/ui/connect/connector';
import { extensionConnector, targetTabId } from '../src/ui/connect/extension';
import { extensionLogSource } from '../src/ui/connect/log-source';
import '../src/ui/styles.css';
import '../src/ui/panel.css';
import { uiLocale } from '../src/ui/i18n';

async function inspectedTabId(): Promise<number> {
  const inspected = browser.devtools?.inspectedWindow?.tabId;
  return typeof inspected === 'number' ? inspected : targetTabId();
}

/** Also calls a listener when the inspected page navigates (DevTools only; a plain page has no such event). */
function withNavigations<T extends Connector | SetCookieLogSource>(source: T): T {
  const onNavigated = browser.devtools?.network?.onNavigated;
  if (!onNavigated) return source;
  return {
    ...source,
    onChange(listener: () => void) {
      const stop = source.onChange(listener);
      const navigated = () => listener();
      onNavigated.addListener(navigated);
      return () => {
        stop();
        onNavigated.removeListener(navigated);
      };
    },
  };
}

document.documentElement.lang = uiLocale();
document.body.classList.add('panel');
const tabId = inspectedTabId();
const app = document.getElementById('app');
if (app) {
  render(
    <DevtoolsPanel
      connector={withNavigations(extensionConnector(() => tabId, { bySite: true }))}
      logSource={withNavigations(extensionLogSource(() => tabId))}
      onAllSites={() => void browser.runtime.openOptionsPage()}
    />,
    app,
  );
}
