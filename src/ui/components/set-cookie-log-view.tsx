import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { SetCookieLog } from '../../messages';
import type { SetCookieEntry } from '../../model/set-cookie-entry';
import type { SetCookieLogSource } from '../connect/connector';
import { filterEntries, logDroppedText, VERDICTS, type VerdictFilter, verdictOption } from '../set-cookie-filter';
import { SetCookieEntryView } from './set-cookie-entry';
import { afterNextPaint } from '../after-paint';
import { errorText } from '../../error-text';
import { browser } from '../connect/browser-api';
import type { MessageId } from '../../i18n/msg';
import { num, t } from '../i18n';

const PRIVACY: { permissions: ['privacy'] } = { permissions: ['privacy'] };

/**
 * Chrome only (Firefox has no such setting): asks for the optional `privacy` permission, so the log can
 * predict the third-party cookies Chrome blocks. Hidden once granted, and where there is no extension API.
 */
function ThirdPartySettingButton() {
  // Chrome now has a `browser` namespace too: tell the browsers apart by the extension's URL.
  const chrome = Boolean(browser?.permissions) && browser.runtime.getURL('').startsWith('chrome-extension:');
  const [granted, setGranted] = useState(true);
  const [failure, setFailure] = useState('');
  useEffect(() => {
    if (chrome) browser.permissions.contains(PRIVACY).then(setGranted, () => setGranted(false));
  }, [chrome]);
  if (!chrome || granted) return null;
  const ask = () => {
    browser.permissions.request(PRIVACY).then(setGranted, (e: unknown) => setFailure(errorText(e)));
  };
  return (
    <button type="button" onClick={ask} title={failure || undefined}>
      {t('ask_privacy')}
    </button>
  );
}

/**
 * Entries in the log's first frame: more than a panel shows at once (a wide panel shows short entries:
 * 16 did not always fill one); the rest follow once it is painted.
 */
const FIRST_ENTRIES = 30;

/** A request from the Cookies view: show the headers of this cookie name. */
export interface LogFocus {
  name: string;
  /** Changes on every request, so asking twice for the same name still applies. */
  nonce: number;
}

export interface SetCookieLogViewProps {
  source: SetCookieLogSource;
  /** Whether the cookie an entry produced is in the Cookies view now. */
  cookieShown?: (entry: SetCookieEntry) => boolean;
  onSelect?: (entry: SetCookieEntry) => void;
  focus?: LogFocus | undefined;
  /**
   * False while the view is hidden and has never been shown (the DevTools panel opens on Cookies):
   * the log loads, but its entries are rendered only once the view is first shown.
   */
  shown?: boolean;
}

/** Every Set-Cookie header the page received, explained; filter by name and verdict, clear, preserve. */
export function SetCookieLogView({
  source,
  cookieShown = () => false,
  onSelect,
  focus,
  shown: visible = true,
}: SetCookieLogViewProps) {
  const [log, setLog] = useState<SetCookieLog | undefined>();
  const [error, setError] = useState('');
  const [name, setName] = useState('');
  const [verdict, setVerdict] = useState<VerdictFilter>('all');
  const [selected, setSelected] = useState<number | undefined>();
  const list = useRef<HTMLOListElement>(null);

  const reload = useCallback(async () => {
    try {
      setLog(await source.load());
      setError('');
    } catch (e) {
      setError(t('log_load_failed', errorText(e)));
    }
  }, [source]);

  /** Runs a log action; a failure is shown, never silently dropped. */
  const act = (work: () => Promise<void>, failed: MessageId) => {
    work().then(reload, (e: unknown) => setError(t(failed, errorText(e))));
  };

  // Asked for as soon as the view is in the DOM, not after its first frame (see useCookieData).
  useLayoutEffect(() => {
    void reload();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = source.onChange(() => {
      clearTimeout(timer);
      timer = setTimeout(() => void reload(), 80);
    });
    return () => {
      stop();
      clearTimeout(timer);
    };
  }, [source, reload]);

  useEffect(() => {
    if (!focus) return;
    setName(focus.name);
    setVerdict('all');
  }, [focus]);

  const shown = useMemo(() => filterEntries(log?.entries ?? [], { name, verdict }), [log, name, verdict]);

  // Entries stay rendered once shown, so switching views keeps the log's scroll position.
  const [rendered, setRendered] = useState(visible);
  if (visible && !rendered) setRendered(true);
  // The first frame paints a screenful of entries; the others follow in a task after it is painted.
  const [everyEntry, setEveryEntry] = useState(false);
  const loaded = log !== undefined;
  useEffect(() => {
    if (!rendered || !loaded) return;
    return afterNextPaint(() => setEveryEntry(true));
  }, [rendered, loaded]);

  // Newest entries in view, as DevTools' own logs do, unless the user scrolled up.
  const count = rendered ? shown.length : 0;
  useEffect(() => {
    const el = list.current;
    if (el && count > 0 && el.scrollHeight - el.scrollTop - el.clientHeight < 80) el.scrollTop = el.scrollHeight;
  }, [count]);

  // One function for every render, so the entries that did not change are not rendered again.
  const onSelectNow = useRef(onSelect);
  onSelectNow.current = onSelect;
  const select = useCallback((entry: SetCookieEntry) => {
    setSelected(entry.id);
    onSelectNow.current?.(entry);
  }, []);

  return (
    <div class="setcookie-log">
      <div class="toolbar" role="toolbar" aria-label={t('log_actions')}>
        <input
          type="search"
          aria-label={t('filter_by_name')}
          placeholder={t('filter_by_name')}
          value={name}
          onInput={(e) => setName(e.currentTarget.value)}
        />
        <label>
          {t('verdict')}
          <select value={verdict} onChange={(e) => setVerdict(e.currentTarget.value as VerdictFilter)}>
            <option value="all">{t('vopt_all')}</option>
            <option value="not-stored">{t('vopt_not_stored')}</option>
            {VERDICTS.map((v) => (
              <option key={v} value={v}>
                {verdictOption(v)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => act(() => source.clear(), 'log_clear_failed')}>
          {t('clear')}
        </button>
        <label class="check">
          <input
            type="checkbox"
            checked={log?.preserve ?? false}
            onChange={(e) => {
              const preserve = e.currentTarget.checked;
              act(() => source.setPreserve(preserve), 'log_preserve_failed');
            }}
          />
          {t('preserve_log')}
        </label>
        <label class="check">
          <input
            type="checkbox"
            checked={log?.recording ?? true}
            onChange={(e) => {
              const recording = e.currentTarget.checked;
              act(() => source.setRecording(recording), 'log_record_failed');
            }}
          />
          {t('record')}
        </label>
        <ThirdPartySettingButton />
        <span class="count" role="status">
          {log ? t('n_of_m_headers', num(shown.length), num(log.entries.length)) : ''}
        </span>
      </div>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {log?.saveError && (
        <p role="alert" class="error">
          {t('log_save_failed', log.saveError)}
        </p>
      )}
      {log && !log.recording && <p class="note">{t('recording_off')}</p>}
      {log && log.dropped > 0 && <p class="note">{logDroppedText(log.dropped)}</p>}
      {!log && !error && <p aria-busy="true">{t('log_loading')}</p>}
      {log && shown.length === 0 && (
        <p class="empty">{log.entries.length === 0 ? t('log_empty') : t('log_no_match')}</p>
      )}
      <ol class="log-list" ref={list}>
        {(rendered ? (everyEntry ? shown : shown.slice(0, FIRST_ENTRIES)) : []).map((entry) => (
          <SetCookieEntryView
            key={entry.id}
            entry={entry}
            selected={entry.id === selected}
            cookieShown={cookieShown(entry)}
            onSelect={select}
          />
        ))}
      </ol>
    </div>
  );
}
