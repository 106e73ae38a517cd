import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { errorText } from '../../error-text';
import type { StoreCookies, StoreInfo } from '../../messages';
import { undoTarget } from '../../model/undo-target';
import type { StoreConnector } from '../connect/connector';

export interface StoreData {
  stores: StoreInfo[];
  /** The newest load of the store shown; undefined until the first answers (or after a switch). */
  data: StoreCookies | undefined;
  loadError: string;
  /** When the data on screen was loaded. */
  now: number;
  /** What Undo would undo in this store; undefined: nothing. */
  undoNext: string | undefined;
  reload: () => Promise<void>;
  /**
   * Runs a change the page itself makes (a bulk delete, a restore) without live refreshes while it
   * runs: thousands of change events would each reload the whole store and slow the change down.
   * The page reloads once when it is done.
   */
  quietly: <T>(work: () => Promise<T>) => Promise<T>;
}

/** Live refreshes wait this long for a burst of changes to end, but no longer than MAX_WAIT_MS. */
const SETTLE_MS = 120;
const MAX_WAIT_MS = 500;

/** One store's cookies and undo journal, loaded now and again whenever cookies (or protection) change. */
export function useStoreData(connector: StoreConnector, storeId: string): StoreData {
  const [stores, setStores] = useState<StoreInfo[]>([]);
  const [data, setData] = useState<StoreCookies | undefined>();
  const [loadError, setLoadError] = useState('');
  const [now, setNow] = useState(Date.now());
  const [undoNext, setUndoNext] = useState<string | undefined>();

  // Loads overlap (live refreshes, actions, a store switch): only the newest request's answer shows.
  const latest = useRef(0);
  const applied = useRef(0);
  // Changes the page is making now (see `quietly`), and whether an event came meanwhile.
  const quiet = useRef(0);
  const missed = useRef(false);
  const reload = useCallback(async () => {
    const request = ++latest.current;
    try {
      const [fresh, journal] = await Promise.all([connector.load(storeId), connector.journal(storeId)]);
      if (request < applied.current) return;
      applied.current = request;
      setData(fresh);
      setUndoNext(undoTarget(journal)?.label);
      setNow(Date.now());
      setLoadError('');
    } catch (error) {
      if (request >= applied.current) setLoadError(errorText(error));
    }
  }, [connector, storeId]);

  useEffect(() => {
    connector.stores().then(setStores, (error: unknown) => setLoadError(errorText(error)));
  }, [connector]);

  useEffect(() => {
    setData((d) => (d && d.store.id === storeId ? d : undefined));
    void reload();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let waitingSince: number | undefined;
    const stop = connector.onChange(() => {
      if (quiet.current > 0) {
        missed.current = true;
        return;
      }
      clearTimeout(timer);
      waitingSince ??= Date.now();
      const wait = Date.now() - waitingSince >= MAX_WAIT_MS ? 0 : SETTLE_MS;
      timer = setTimeout(() => {
        waitingSince = undefined;
        void reload();
        // A new container may have appeared.
        connector.stores().then(setStores, () => {});
      }, wait);
    });
    return () => {
      stop();
      clearTimeout(timer);
    };
  }, [connector, reload, storeId]);

  const quietly = useCallback(
    async <T>(work: () => Promise<T>): Promise<T> => {
      quiet.current++;
      try {
        return await work();
      } finally {
        quiet.current--;
        if (quiet.current === 0 && missed.current) {
          missed.current = false;
          void reload();
        }
      }
    },
    [reload],
  );

  return { stores, data, loadError, now, undoNext, reload, quietly };
}
