import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { TabCookies } from '../../messages';
import type { Cookie } from '../../model/cookie';
import type { Connector } from '../connect/connector';
import { blankForm, type FormState, formFromCookie, groupRows, type Row, type SortKey } from '../model';
import { CookieForm } from './cookie-form';
import { CookieRow } from './cookie-row';
import { ExportPanel } from './export-panel';
import { ImportDialog } from './import-dialog';
import { SummaryBar } from './summary-bar';

type Editor = { title: string; initial: FormState; original?: Cookie };
type Dialog = 'import' | 'export' | 'delete-all' | undefined;
type Status = { text: string; error?: boolean } | undefined;

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/**
 * The cookie list with its summary, search, filter, sort, editor, import, export and undo: the
 * popup and the DevTools panel are both this component over a connector.
 */
export function CookieWorkbench({ connector }: { connector: Connector }) {
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
  const [undoCount, setUndoCount] = useState(0);
  const search = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLDivElement>(null);

  const reload = useCallback(async () => {
    try {
      const [fresh, journal] = await Promise.all([connector.load(), connector.journal()]);
      setData(fresh);
      setUndoCount(journal.length);
      setNow(Date.now());
      setLoadError('');
    } catch (error) {
      setLoadError(message(error));
    }
  }, [connector]);

  useEffect(() => {
    void reload();
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Live: refresh on any change, coalescing bursts; state (open row, form, scroll) is untouched.
    const stop = connector.onChange(() => {
      clearTimeout(timer);
      timer = setTimeout(() => void reload(), 120);
    });
    return () => {
      stop();
      clearTimeout(timer);
    };
  }, [connector, reload]);

  const groups = useMemo(
    () => (data ? groupRows(data.cookies, data.findings, { query, warningsOnly, sort }) : []),
    [data, query, warningsOnly, sort],
  );

  const run = async (work: () => Promise<string>) => {
    try {
      setStatus({ text: await work() });
    } catch (error) {
      setStatus({ text: message(error), error: true });
    }
    await reload();
  };

  const deleteRow = (row: Row) =>
    run(async () => {
      await connector.remove([row.cookie], `Deleted ${row.cookie.name}`);
      return `Deleted ${row.cookie.name}. Undo brings it back.`;
    });

  const undo = () =>
    run(async () => {
      const label = await connector.undo();
      return label ? `Undone: ${label}.` : 'Nothing to undo.';
    });

  const save = async (original: Cookie | undefined, next: Cookie) => {
    const saved = await connector.save(original, next);
    setEditor(undefined);
    setStatus({ text: `Saved ${saved.name}.` });
    await reload();
  };

  // Keyboard: "/" searches, arrows move between rows, Delete deletes (undoable), Esc closes.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const typing = target?.matches('input, textarea, select') ?? false;
      if (event.key === 'Escape') {
        if (editor || dialog) {
          setEditor(undefined);
          setDialog(undefined);
        } else setOpenKey(undefined);
        return;
      }
      if (typing) return;
      if (event.key === '/') {
        event.preventDefault();
        search.current?.focus();
        return;
      }
      const heads = [...(list.current?.querySelectorAll<HTMLButtonElement>('.row-head') ?? [])];
      const at = heads.indexOf(target as HTMLButtonElement);
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const next = event.key === 'ArrowDown' ? Math.min(at + 1, heads.length - 1) : Math.max(at - 1, 0);
        heads[next]?.focus();
      } else if (event.key === 'Delete' && at >= 0) {
        const key = heads[at]?.closest('[data-key]')?.getAttribute('data-key');
        const row = groups.flatMap((g) => g.rows).find((r) => r.key === key);
        if (row) void deleteRow(row);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  if (!data) {
    return loadError ? <p role="alert">Could not read cookies: {loadError}</p> : <p aria-busy="true">Loading cookies…</p>;
  }

  const host = hostOf(data.tab.url);
  const shown = groups.flatMap((g) => g.rows.map((r) => r.cookie));

  return (
    <div class="workbench">
      <SummaryBar summary={data.summary} site={host || data.tab.url} />
      <div class="toolbar" role="toolbar" aria-label="Cookie actions">
        <input
          ref={search}
          type="search"
          aria-label="Search"
          placeholder="Search name, value, domain  ( / )"
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
        <label class="check">
          <input type="checkbox" checked={warningsOnly} onChange={(e) => setWarningsOnly(e.currentTarget.checked)} />
          With warnings
        </label>
        <label>
          Sort
          <select value={sort} onChange={(e) => setSort(e.currentTarget.value as SortKey)}>
            <option value="name">Name</option>
            <option value="severity">Severity</option>
            <option value="expiry">Expiry</option>
            <option value="size">Size</option>
          </select>
        </label>
        <button type="button" onClick={() => setEditor({ title: 'Add cookie', initial: blankForm(host, now) })}>
          Add cookie
        </button>
        <button type="button" onClick={() => setDialog('export')}>
          Export
        </button>
        <button type="button" onClick={() => setDialog('import')}>
          Import
        </button>
        <button type="button" class="danger" onClick={() => setDialog('delete-all')} disabled={data.cookies.length === 0}>
          Delete all
        </button>
        <button type="button" onClick={undo} disabled={undoCount === 0} title={`${undoCount} changes can be undone`}>
          Undo
        </button>
      </div>
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
              void run(async () => {
                const n = await connector.remove(data.cookies, `Deleted all ${data.cookies.length} cookies of ${host}`);
                return `Deleted ${n} cookies. Undo brings them back.`;
              });
            }}
          >
            Confirm delete all
          </button>
          <button type="button" onClick={() => setDialog(undefined)}>
            Cancel
          </button>
        </section>
      )}
      {dialog === 'export' && <ExportPanel cookies={shown} site={host} onClose={() => setDialog(undefined)} />}
      {dialog === 'import' && (
        <ImportDialog
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
          key={editor.title + (editor.original?.name ?? '')}
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
          <p class="empty">{data.cookies.length === 0 ? 'No cookies for this page.' : 'No cookie matches.'}</p>
        )}
        {groups.map((group) => (
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
                  onEdit={(r) => setEditor({ title: `Edit ${r.cookie.name}`, initial: formFromCookie(r.cookie), original: r.cookie })}
                  onDuplicate={(r) =>
                    setEditor({ title: `Duplicate ${r.cookie.name}`, initial: { ...formFromCookie(r.cookie), name: `${r.cookie.name}-copy` } })
                  }
                  onDelete={deleteRow}
                />
              ))}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}
