import { useCallback, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { errorText } from '../../error-text';
import type { NotStoredHeader, TabCookies } from '../../messages';
import type { Connector } from '../connect/connector';
import { undoTarget } from '../../model/undo-target';

export interface CookieData {
  /** The newest load; undefined until the first one answers. */
  data: TabCookies | undefined;
  /** Why the newest load failed; empty when it did not. */
  loadError: string;
  /** When the data on screen was loaded (relative expiry times count from here). */
  now: number;
  /** What Undo would undo (the newest journal entry); undefined: nothing. */
  undoNext: string | undefined;
  /** The page's Set-Cookie headers that stored nothing (empty when the connector cannot tell). */
  notStored: NotStoredHeader[];
  /** Loads again now (after an action). */
  reload: () => Promise<void>;
}

/** Live refreshes wait this long for a burst of changes to end... */
const SETTLE_MS = 120;
/** ...but no longer than this while changes keep coming. */
const MAX_WAIT_MS = 500;

/**
 * The connector's cookies and undo journal, loaded on mount and again (live) whenever cookies change.
 * `onData` hears every load; a new callback identity does not reload.
 */
export function useCookieData(connector: Connector, onData?: (data: TabCookies) => void): CookieData {
  const [data, setData] = useState<TabCookies | undefined>();
  const [loadError, setLoadError] = useState('');
  const [now, setNow] = useState(Date.now());
  const [undoNext, setUndoNext] = useState<string | undefined>();
  const [notStored, setNotStored] = useState<NotStoredHeader[]>([]);

  // A notification only: a new callback identity must not trigger a reload.
  const onDataRef = useRef(onData);
  onDataRef.current = onData;

  // Loads can overlap (live refreshes, actions): only the newest request's answer is shown.
  const latestLoad = useRef(0);
  const appliedLoad = useRef(0);
  const reload = useCallback(async () => {
    const request = ++latestLoad.current;
    // Beside the rows, never before them: a log that cannot be read leaves the list as it is.
    const askNotStored = () =>
      connector.notStored?.().then(
        (found) => request >= appliedLoad.current && setNotStored(found),
        () => {},
      );
    try {
      let fresh: TabCookies;
      let undoLabel: string | undefined;
      if (connector.view) {
        // One round trip; a log busy with a burst of headers answers on its own, after the rows.
        const view = await connector.view();
        fresh = view.cookies;
        undoLabel = view.undoNext;
        if (view.notStored === undefined) askNotStored();
        else if (request >= appliedLoad.current) setNotStored(view.notStored);
      } else {
        askNotStored();
        const [loaded, journal] = await Promise.all([connector.load(), connector.journal()]);
        fresh = loaded;
        undoLabel = undoTarget(journal)?.label;
      }
      // Any answer newer than the one on screen is shown; an older one never replaces it.
      if (request < appliedLoad.current) return;
      appliedLoad.current = request;
      setData(fresh);
      onDataRef.current?.(fresh);
      setUndoNext(undoLabel);
      setNow(Date.now());
      setLoadError('');
    } catch (error) {
      if (request >= appliedLoad.current) setLoadError(errorText(error));
    }
  }, [connector]);

  // Asked for as soon as the view is in the DOM (a layout effect), not after its first frame: an
  // effect waits for that frame or 35 ms, and the cookies' round trip would start only then.
  useLayoutEffect(() => {
    void reload();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let waitingSince: number | undefined;
    // Live: refresh on any change, coalescing bursts (but at least every half second while changes
    // keep coming); the caller's state (open row, form, scroll) is untouched.
    const stop = connector.onChange(() => {
      clearTimeout(timer);
      waitingSince ??= Date.now();
      const wait = Date.now() - waitingSince >= MAX_WAIT_MS ? 0 : SETTLE_MS;
      timer = setTimeout(() => {
        waitingSince = undefined;
        void reload();
      }, wait);
    });
    return () => {
      stop();
      clearTimeout(timer);
    };
  }, [connector, reload]);

  return { data, loadError, now, undoNext, notStored, reload };
}
