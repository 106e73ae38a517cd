import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ActiveTabFollower } from '../connect/active-tab';
import type { Connector } from '../connect/connector';
import { t } from '../i18n';
import { CookieWorkbench } from './cookie-workbench';

export interface ActiveTabWorkbenchProps {
  follower: ActiveTabFollower;
  /** The connector for one tab's cookies. */
  connectorFor: (tabId: number) => Connector;
  onAllSites?: (() => void) | undefined;
}

/** The connector's changes, plus the shown tab's navigations (a new page may mean new cookies). */
function withNavigations(connector: Connector, follower: ActiveTabFollower, tabId: number): Connector {
  return {
    ...connector,
    onChange(listener) {
      const stop = connector.onChange(listener);
      const stopNavigate = follower.onNavigate((navigated) => {
        if (navigated === tabId) listener();
      });
      return () => {
        stop();
        stopNavigate();
      };
    },
  };
}

/**
 * The side panel: the workbench for the active tab of the panel's window. Switching tabs shows the
 * new tab's cookies afresh (a form or row open on the old tab's cookie closes); a navigation in the
 * shown tab reloads its list.
 */
export function ActiveTabWorkbench({ follower, connectorFor, onAllSites }: ActiveTabWorkbenchProps) {
  const [tabId, setTabId] = useState<number | undefined>();
  const [resolved, setResolved] = useState(false);
  useEffect(() => {
    let live = true;
    void follower.current().then((id) => {
      if (!live) return;
      setTabId(id);
      setResolved(true);
    });
    const stop = follower.onSwitch((id) => {
      setTabId(id);
      setResolved(true);
    });
    return () => {
      live = false;
      stop();
    };
  }, [follower]);
  const connector = useMemo(
    () => (tabId === undefined ? undefined : withNavigations(connectorFor(tabId), follower, tabId)),
    [tabId, follower, connectorFor],
  );
  if (!connector) {
    return resolved ? <p class="empty">{t('no_tab')}</p> : <p aria-busy="true">{t('loading')}</p>;
  }
  return (
    <div class="active-tab" data-tab-id={tabId}>
      <CookieWorkbench key={tabId} connector={connector} onAllSites={onAllSites} />
    </div>
  );
}
