import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { SiteSummary } from '../../core/audit';
import type { TabCookies } from '../../messages';
import { type Cookie, cookieKey } from '../../model/cookie';
import type { Connector } from '../connect/connector';
import {
  allCookies,
  blankForm,
  type CookieTarget,
  type FormState,
  findCookie,
  formFromCookie,
  type Group,
  groupRows,
  hasSites,
  type Row,
  type SortKey,
} from '../model';
import { CookieForm } from './cookie-form';
import { CookieRow } from './cookie-row';
import { ROWS_SHOWN_MARK } from '../marks';
import { SummaryBar } from './summary-bar';
import { Toolbar } from './toolbar';
import { useRowKeyboard } from '../hooks/use-row-keyboard';
import { errorText } from '../../error-text';

/** Import and export (with the formats code) load on first use: they are not needed to open the popup. */
type Transfer = typeof import('./transfer');
let transfer: Promise<Transfer> | undefined;
const loadTransfer = () => {
  transfer ??= import('./transfer');
  return transfer;
};

/** An open form; `id` changes on every open so a new form never inherits the last one's fields. */
type Editor = { id: number; title: string; initial: FormState; original?: Cookie };
type Dialog = 'import' | 'export' | 'delete-all' | undefined;
type Status = { text: string; error?: boolean } | undefined;


function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** A request to show one cookie: open its row and scroll to it. */
export interface CookieFocus {
  target: CookieTarget;
  /** Changes on every request, so asking twice for the same cookie still applies. */
  nonce: number;
}

export interface CookieWorkbenchProps {
  connector: Connector;
  /** Open and scroll to this cookie (the DevTools panel's jump from a Set-Cookie log entry). */
  focus?: CookieFocus | undefined;
  /** When given, an open row offers "Show Set-Cookie headers" (DevTools panel only). */
  onShowHeaders?: ((cookie: Cookie) => void) | undefined;
  /** Called with every load, so a host page can tell which cookies exist. */
  onData?: ((data: TabCookies) => void) | undefined;
}

interface SiteSection {
  site: string;
  label: string;
  summary: SiteSummary;
  groups: Group[];
}

/**
 * The cookie list with its summary, search, filter, sort, editor, import, export and undo: the
 * popup and the DevTools panel are both this component over a connector. When the connector loads
 * cookies by site (the panel), the list has one section per site of the page.
 */
export function CookieWorkbench({ connector, focus, onShowHeaders, onData }: CookieWorkbenchProps) {
  const [data, setData] = useState<TabCookies | undefined>();
  const [loadError, setLoadError] = useState('');
  const [now, setNow] = useState(Date.now());
  const [query, setQuery] = useState('');
  const [warningsOnly, setWarningsOnly] = useState(false);
  const [sort, setSort] = useState<SortKey>('name');
  const [openKey, setOpenKey] = useState<string | undefined>();
  const [editor, setEditor] = useState<Editor | undefined>();
  const [dialog, setDialog] = useState<Dialog>();
  const [status, setStatus] = useState<Status>();
  const [undoNext, setUndoNext] = useState<string | undefined>();
  const [dialogs, setDialogs] = useState<Transfer | undefined>();
  const editorSeq = useRef(0);
  const openEditor = (editor: Omit<Editor, 'id'>) => setEditor({ ...editor, id: ++editorSeq.current });
  const search = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLDivElement>(null);

  // A notification only: a new callback identity must not trigger a reload.
  const onDataRef = useRef(onData);
  onDataRef.current = onData;

  // Loads can overlap (live refreshes, actions): only the newest request's answer is shown.
  const latestLoad = useRef(0);
  const appliedLoad = useRef(0);
  const reload = useCallback(async () => {
    const request = ++latestLoad.current;
    try {
      const [fresh, journal] = await Promise.all([connector.load(), connector.journal()]);
      // Any answer newer than the one on screen is shown; an older one never replaces it.
      if (request < appliedLoad.current) return;
      appliedLoad.current = request;
      setData(fresh);
      onDataRef.current?.(fresh);
      setUndoNext(journal[0]?.label);
      setNow(Date.now());
      setLoadError('');
    } catch (error) {
      if (request >= appliedLoad.current) setLoadError(errorText(error));
    }
  }, [connector]);

  useEffect(() => {
    void reload();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let waitingSince: number | undefined;
    // Live: refresh on any change, coalescing bursts (but at least every half second while changes
    // keep coming); state (open row, form, scroll) is untouched.
    const stop = connector.onChange(() => {
      clearTimeout(timer);
      waitingSince ??= Date.now();
      const wait = Date.now() - waitingSince >= 500 ? 0 : 120;
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

  // The speed budget is "popup open to rows shown": mark the moment the rows are in the DOM, once,
  // for `npm run bench` (a layout effect runs right after the commit, as a plain page's mark would).
  const shownOnce = data !== undefined;
  useLayoutEffect(() => {
    if (shownOnce) performance.mark(ROWS_SHOWN_MARK);
  }, [shownOnce]);

  const sections = useMemo((): SiteSection[] | undefined => {
    if (!data || !hasSites(data)) return undefined;
    return data.sites.map((site) => ({
      site: site.site,
      label: site.label,
      summary: site.summary,
      groups: groupRows(site.cookies, site.findings, { query, warningsOnly, sort }),
    }));
  }, [data, query, warningsOnly, sort]);

  const groups = useMemo(
    () =>
      sections
        ? sections.flatMap((s) => s.groups)
        : data
          ? groupRows(data.cookies, data.findings, { query, warningsOnly, sort })
          : [],
    [data, sections, query, warningsOnly, sort],
  );

  // Jump to a cookie: clear filters that hide it, open its row, scroll it into view.
  const handledFocus = useRef<number | undefined>(undefined);
  const missedFocus = useRef<number | undefined>(undefined);
  const [scrollTo, setScrollTo] = useState<string | undefined>();
  useEffect(() => {
    if (!focus || !data || handledFocus.current === focus.nonce) return;
    const found = findCookie(focus.target, allCookies(data));
    if (!found) {
      // Not (yet) here: the list may be older than the log entry; the next load tries again.
      if (missedFocus.current !== focus.nonce) {
        missedFocus.current = focus.nonce;
        setStatus({ text: `The cookie ${focus.target.name} is not in this page's cookies (any more).`, error: true });
      }
      return;
    }
    handledFocus.current = focus.nonce;
    if (missedFocus.current === focus.nonce) setStatus(undefined);
    const key = cookieKey(found);
    if (!groups.some((g) => g.rows.some((r) => r.key === key))) {
      setQuery('');
      setWarningsOnly(false);
    }
    setOpenKey(key);
    setScrollTo(key);
  }, [focus, data, groups]);
  useEffect(() => {
    if (!scrollTo) return;
    const row = [...(list.current?.querySelectorAll<HTMLElement>('[data-testid="cookie-row"]') ?? [])].find(
      (el) => el.dataset.key === scrollTo,
    );
    row?.scrollIntoView?.({ block: 'center' });
    // Focus follows the jump, unless the user is typing somewhere.
    if (!document.activeElement?.matches('input, textarea, select')) row?.querySelector<HTMLButtonElement>('.row-head')?.focus();
    setScrollTo(undefined);
  }, [scrollTo]);

  const run = async (work: () => Promise<string>) => {
    try {
      setStatus({ text: await work() });
    } catch (error) {
      setStatus({ text: errorText(error), error: true });
    }
    await reload();
  };

  const deleteRow = (row: Row) => run(() => removeCookies([row.cookie], `Deleted ${row.cookie.name}`));

  /** Deletes and says exactly what happened: removed, already gone, or refused (with the reason). */
  const removeCookies = async (cookies: Cookie[], label: string): Promise<string> => {
    const { removed, missing, failed, warning } = await connector.remove(cookies, label);
    const parts: string[] = [];
    if (removed > 0) {
      const what = cookies.length === 1 ? cookies[0]?.name : `${removed} cookies`;
      parts.push(`Deleted ${what}.${warning ? '' : ` Undo brings ${removed === 1 ? 'it' : 'them'} back.`}`);
    }
    if (missing > 0) parts.push(cookies.length === 1 ? `${cookies[0]?.name} was already gone.` : `${missing} were already gone.`);
    for (const f of failed) parts.push(`${f.name} (${f.domain}${f.path}) could not be deleted: ${f.reason}`);
    if (warning) parts.push(warning);
    if (removed === 0 || failed.length > 0 || warning) throw new Error(parts.join(' '));
    return parts.join(' ');
  };

  const undo = () =>
    run(async () => {
      const { undone, problems } = await connector.undo();
      if (!undone) return 'Nothing to undo.';
      if (problems.length > 0) throw new Error(`Undone: ${undone}, except: ${problems.join(' ')}`);
      return `Undone: ${undone}.`;
    });

  const openTransfer = (which: 'import' | 'export') => {
    loadTransfer().then(
      (loaded) => {
        setDialogs(loaded);
        setDialog(which);
      },
      (error: unknown) => setStatus({ text: `Could not load ${which}: ${errorText(error)}`, error: true }),
    );
  };

  const save = async (original: Cookie | undefined, next: Cookie) => {
    const { saved, warning } = await connector.save(original, next);
    setEditor(undefined);
    setStatus(warning ? { text: warning, error: true } : { text: `Saved ${saved.name}.` });
    await reload();
  };

  useRowKeyboard({
    search,
    list,
    onEscape: () => {
      if (editor || dialog) {
        setEditor(undefined);
        setDialog(undefined);
      } else setOpenKey(undefined);
    },
    onDelete: (key) => {
      const row = groups.flatMap((g) => g.rows).find((r) => r.key === key);
      if (row) void deleteRow(row);
    },
  });

  if (!data) {
    return loadError ? <p role="alert">Could not read cookies: {loadError}</p> : <p aria-busy="true">Loading cookies…</p>;
  }

  const host = hostOf(data.tab.url);
  const shown = groups.flatMap((g) => g.rows.map((r) => r.cookie));
  const total = allCookies(data).length;

  const renderGroup = (group: Group) => (
    <section key={group.label} class="group" aria-label={group.label}>
      <h3>{group.label}</h3>
      <ul>
        {group.rows.map((row) => (
          <CookieRow
            key={row.key}
            row={row}
            now={now}
            open={openKey === row.key}
            onToggle={(key) => setOpenKey((k) => (k === key ? undefined : key))}
            onEdit={(r) => openEditor({ title: `Edit ${r.cookie.name}`, initial: formFromCookie(r.cookie), original: r.cookie })}
            onDuplicate={(r) =>
              openEditor({ title: `Duplicate ${r.cookie.name}`, initial: { ...formFromCookie(r.cookie), name: `${r.cookie.name}-copy` } })
            }
            onDelete={deleteRow}
            pageUrl={data.tab.url}
            {...(onShowHeaders ? { onShowHeaders: (r: Row) => onShowHeaders(r.cookie) } : {})}
          />
        ))}
      </ul>
    </section>
  );

  return (
    <div class="workbench">
      <SummaryBar summary={data.summary} site={`${host || data.tab.url}${sections ? ' (top-level site)' : ''}`} />
      <Toolbar
        searchRef={search}
        query={query}
        warningsOnly={warningsOnly}
        sort={sort}
        canDeleteAll={data.cookies.length > 0}
        undoNext={undoNext}
        onQuery={setQuery}
        onWarningsOnly={setWarningsOnly}
        onSort={setSort}
        onAdd={() => openEditor({ title: 'Add cookie', initial: blankForm(host, now) })}
        onExport={() => openTransfer('export')}
        onImport={() => openTransfer('import')}
        onDeleteAll={() => setDialog('delete-all')}
        onUndo={undo}
      />
      {status && (
        <p role={status.error ? 'alert' : 'status'} class={status.error ? 'error' : 'status'}>
          {status.text}
        </p>
      )}
      {dialog === 'delete-all' && (
        <section class="dialog" aria-label="Confirm delete all">
          <p>
            Delete all {data.cookies.length} cookies of {host}? Undo brings them back.
          </p>
          <button
            type="button"
            class="danger"
            onClick={() => {
              setDialog(undefined);
              void run(() => removeCookies(data.cookies, `Deleted all ${data.cookies.length} cookies of ${host}`));
            }}
          >
            Confirm delete all
          </button>
          <button type="button" onClick={() => setDialog(undefined)}>
            Cancel
          </button>
        </section>
      )}
      {dialog === 'export' && dialogs && (
        <dialogs.ExportPanel cookies={shown} site={host} pageUrl={data.tab.url} onClose={() => setDialog(undefined)} />
      )}
      {dialog === 'import' && dialogs && (
        <dialogs.ImportDialog
          host={host}
          storeId={data.tab.storeId}
          existing={data.cookies}
          onImport={async (cookies) => {
            const outcome = await connector.importCookies(cookies);
            await reload();
            return outcome;
          }}
          onClose={() => setDialog(undefined)}
        />
      )}
      {editor && (
        <CookieForm
          key={editor.id}
          title={editor.title}
          initial={editor.initial}
          storeId={data.tab.storeId}
          original={editor.original}
          check={(cookie) => connector.check(cookie)}
          onSave={save}
          onCancel={() => setEditor(undefined)}
        />
      )}
      <div class="list" ref={list}>
        {groups.length === 0 && (
          <p class="empty">{total === 0 ? 'No cookies for this page.' : 'No cookie matches.'}</p>
        )}
        {sections
          ? sections.map((section) => (
              <section
                key={section.site}
                class="site-group"
                data-testid="site-group"
                data-site={section.site}
                data-label={section.label}
                aria-label={`${section.site} (${section.label})`}
              >
                <h2>
                  {section.site} <span class="site-label">{section.label}</span>{' '}
                  <span class="site-count">
                    {section.summary.cookies} cookie{section.summary.cookies === 1 ? '' : 's'} · grade{' '}
                    {section.summary.grade}
                  </span>
                </h2>
                {section.groups.length === 0 ? <p class="empty">No cookie matches.</p> : section.groups.map(renderGroup)}
              </section>
            ))
          : groups.map(renderGroup)}
      </div>
    </div>
  );
}
