import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
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
 * new tab's cookies afresh; a navigation in the shown tab reloads its list. While a form or dialog is
 * open, a switch waits: the panel says so and stays, with the form and then its outcome, until the
 * user asks for that tab ("Discard and show that tab" while editing) or switches again. What the user
 * typed is never dropped by a tab switch.
 */
export function ActiveTabWorkbench({ follower, connectorFor, onAllSites }: ActiveTabWorkbenchProps) {
  const [tabId, setTabId] = useState<number | undefined>();
  const [resolved, setResolved] = useState(false);
  /** A switch that waits for the open form or dialog to close. */
  const [pending, setPending] = useState<number | undefined>();
  const [busy, setBusy] = useState(false);
  const busyNow = useRef(false);
  useEffect(() => {
    let live = true;
    void follower.current().then((id) => {
      if (!live) return;
      setTabId(id);
      setResolved(true);
    });
    const stop = follower.onSwitch((id) => {
      setResolved(true);
      if (busyNow.current) setPending(id);
      else {
        setPending(undefined);
        setTabId(id);
      }
    });
    return () => {
      live = false;
      stop();
    };
  }, [follower]);
  const onBusy = useCallback((now: boolean) => {
    busyNow.current = now;
    setBusy(now);
  }, []);
  const follow = (id: number) => {
    setPending(undefined);
    setTabId(id);
  };
  const connector = useMemo(
    () => (tabId === undefined ? undefined : withNavigations(connectorFor(tabId), follower, tabId)),
    [tabId, follower, connectorFor],
  );
  if (!connector) {
    return resolved ? <p class="empty">{t('no_tab')}</p> : <p aria-busy="true">{t('loading')}</p>;
  }
  const waiting = pending !== undefined && pending !== tabId;
  return (
    <div class="active-tab" data-tab-id={tabId}>
      {waiting && (
        <div class="message-bar tab-switch" role="status" aria-label={t('sp_switch_label')}>
          <span>{t('sp_switch_waits')}</span>{' '}
          <button type="button" class="link" onClick={() => follow(pending)}>
            {busy ? t('sp_discard_show_that_tab') : t('sp_show_that_tab')}
          </button>
        </div>
      )}
      <CookieWorkbench key={tabId} connector={connector} onAllSites={onAllSites} onBusy={onBusy} />
    </div>
  );
}
