import type { ComponentType } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { errorText } from '../../error-text';
import type { TabCookies } from '../../messages';
import { type Cookie, cookieKey } from '../../model/cookie';
import type { Connector } from '../connect/connector';
import { t as word } from '../i18n';
import { type CookieFocus, focusedControl, useWorkbenchFocus } from '../hooks/use-workbench-focus';
import { useCookieData } from '../hooks/use-cookie-data';
import type { FormState } from '../form-model';
import {
  allCookies,
  cookiesPerSeverity,
  firstGroups,
  hasSites,
  type ListView,
  pageListView,
  type Row,
  type SeverityFilter,
  type SortKey,
  type ViewOptions,
} from '../model';
import type { Outcome } from '../outcome-text';
import { lazyComponent } from '../hooks/use-lazy';
import { CookieGroup, type RowActions } from './cookie-group';
import { LiveRegion } from './live-region';
import type { SiteSectionProps } from './site-section';
import { SummaryBar } from './summary-bar';
import { Toolbar } from './toolbar';
import { afterNextPaint } from '../after-paint';

export type { CookieFocus };

/** What a first screen does not show loads when first needed: the edit form, the confirmation, the bars. */
const CookieForm = lazyComponent(() => import('./cookie-form').then((m) => m.CookieForm));
/** The form's fields from a cookie (or blank) are set up by code that loads with the form. */
type FormModel = typeof import('../form-model');
const loadForm = () => Promise.all([import('../form-model'), CookieForm.preload()]).then(([f]) => f);
const DeleteAllDialog = lazyComponent(() => import('./delete-all-dialog').then((m) => m.DeleteAllDialog));
const NotStoredBar = lazyComponent(() => import('./not-stored-bar').then((m) => m.NotStoredBar));
/** The bar and the confirmation are styled by sheets.css, which loads with them, not with the popup. */
const withSheets = <M,>(module: Promise<M>) => Promise.all([module, import('../sheets')]).then(([m]) => m);
const MessageBar = lazyComponent(() => withSheets(import('./message-bar')).then((m) => m.MessageBar));
const ConfirmDialog = lazyComponent(() => withSheets(import('./confirm-dialog')).then((m) => m.ConfirmDialog));

/** Import and export (with the formats code) load on first use: they are not needed to open the popup. */
type Transfer = typeof import('./transfer');
let transfer: Promise<Transfer> | undefined;
const loadTransfer = () => {
  transfer ??= import('./transfer');
  return transfer;
};

/** What the status line says after an action, and its bar, load together with the first action, not with the popup. */
type Texts = typeof import('../outcome-text');
let texts: Promise<Texts> | undefined;
const loadTexts = () => {
  texts ??= Promise.all([import('../outcome-text'), MessageBar.preload()]).then(([t]) => t);
  return texts;
};

/** Rows in the first frame: more than a popup or a panel shows at once; the rest follow once it is painted. */
const FIRST_ROWS = 50;

/** An open form; `id` changes on every open so a new form never inherits the last one's fields. */
/** `overwrite`: the user was told the original changed since and saves over it anyway. */
/** `focus`: the field the form opens in (Value when editing, Name when adding). */
/** `opener`: the control that opened it, where focus goes back when no row is there to take it. */
type Editor = {
  id: number;
  title: string;
  initial: FormState;
  original?: Cookie;
  overwrite?: boolean;
  focus: 'name' | 'value';
  opener?: HTMLElement | undefined;
};
type Dialog = 'import' | 'export' | 'delete-all' | undefined;
/** An edit or delete of a protected cookie, waiting for the user's "Confirm". */
type Confirming = { action: 'edit' | 'delete'; row: Row; question: string; opener?: HTMLElement | undefined };

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

export interface CookieWorkbenchProps {
  connector: Connector;
  /** Open and scroll to this cookie (the DevTools panel's jump from a Set-Cookie log entry). */
  focus?: CookieFocus | undefined;
  /** When given, an open row offers "Show Set-Cookie headers" (DevTools panel only). */
  onShowHeaders?: ((cookie: Cookie) => void) | undefined;
  /** Called with every load, so a host page can tell which cookies exist. */
  onData?: ((data: TabCookies) => void) | undefined;
  /** Hears whether a form, dialog or confirmation is open (the side panel holds a tab switch meanwhile). */
  onBusy?: ((busy: boolean) => void) | undefined;
  /** Opens the manager page (every site's cookies); absent: the workbench offers no "All sites". */
  onAllSites?: (() => void) | undefined;
  /** Shows one site's section when the connector loads by site (the DevTools panel; the popup never loads it). */
  SiteSection?: ComponentType<SiteSectionProps> | undefined;
  /**
   * False while the view is hidden (the DevTools panel on its log): the cookies load, but the rows
   * are rendered only once the view is shown with them.
   */
  shown?: boolean;
  /** How the list is formed by site, with its sections (the DevTools panel's: see site-list.ts); absent: by page. */
  siteList?: SiteList | undefined;
}

/** The panel's list by site (src/ui/site-list.ts), handed in so the popup does not load it. */
export interface SiteList {
  listView: (data: TabCookies, options: ViewOptions) => ListView;
  firstRows: (view: ListView, limit: number) => ListView;
}

/**
 * The cookie list with its summary, search, filter, sort, editor, import, export and undo: the
 * popup and the DevTools panel are both this component over a connector. When the connector loads
 * cookies by site (the panel), the list has one section per site of the page.
 */
export function CookieWorkbench({
  connector,
  focus,
  onShowHeaders,
  onData,
  onAllSites,
  onBusy,
  SiteSection,
  shown: visible = true,
  siteList,
}: CookieWorkbenchProps) {
  const { data, loadError, now, undoNext, notStored, reload } = useCookieData(connector, onData);
  const [query, setQuery] = useState('');
  const [warningsOnly, setWarningsOnly] = useState(false);
  const [severity, setSeverity] = useState<SeverityFilter>();
  const [sort, setSort] = useState<SortKey>('name');
  const [openKey, setOpenKey] = useState<string | undefined>();
  const [editor, setEditor] = useState<Editor | undefined>();
  const [dialog, setDialog] = useState<Dialog>();
  const [status, setStatus] = useState<Outcome | undefined>();
  const [dialogs, setDialogs] = useState<Transfer | undefined>();
  const [confirming, setConfirming] = useState<Confirming | undefined>();
  /** A form asked for whose code is still loading: Esc cancels it, and it counts as open. */
  const [opening, setOpening] = useState(false);
  const openingId = useRef<number | undefined>(undefined);
  const busy = opening || editor !== undefined || dialog !== undefined || confirming !== undefined;
  const busyListener = useRef(onBusy);
  busyListener.current = onBusy;
  // At commit, not after paint: a tab switch right after the form opens must already see it.
  useLayoutEffect(() => busyListener.current?.(busy), [busy]);
  const editorSeq = useRef(0);
  /** Opens the form once its code is here, so it shows filled in one render; `initial` sets up its fields. */
  const openEditor = ({
    initial,
    ...editor
  }: Omit<Editor, 'id' | 'initial'> & { initial: (f: FormModel) => FormState }) => {
    const opener = focusedControl();
    const id = ++editorSeq.current;
    openingId.current = id;
    setOpening(true);
    // Only the newest request opens, and only if Esc did not cancel it meanwhile.
    const settle = () => {
      const current = openingId.current === id;
      if (current) {
        openingId.current = undefined;
        setOpening(false);
      }
      return current;
    };
    loadForm().then(
      (f) => settle() && setEditor({ ...editor, initial: initial(f), opener, id }),
      (error: unknown) => settle() && setStatus({ text: errorText(error), error: true }),
    );
  };
  const cancelOpening = () => {
    openingId.current = undefined;
    setOpening(false);
  };
  /** The control that opened the dialog (Import, Export, Delete all), to give focus back to. */
  const dialogOpener = useRef<HTMLElement | undefined>(undefined);

  const { sections, groups } = useMemo(
    () =>
      data
        ? (siteList?.listView ?? pageListView)(data, { query, warningsOnly, sort, severity })
        : { sections: undefined, groups: [] },
    [data, query, warningsOnly, sort, severity, siteList],
  );
  // The first frame paints a screenful of rows; the others are rendered in a task after that frame
  // is painted, so a long list does not hold up the first one. Rows are rendered once the view has
  // been shown with its cookies: the DevTools panel opens on this view, but when its log is picked
  // before the cookies arrive, they wait for this view to be shown again.
  const [everyRow, setEveryRow] = useState(false);
  const loaded = data !== undefined;
  const [seen, setSeen] = useState(false);
  if (visible && loaded && !seen) setSeen(true);
  useEffect(() => {
    if (!loaded || !seen) return;
    return afterNextPaint(() => setEveryRow(true));
  }, [loaded, seen]);
  // A jump to a cookie (from the Set-Cookie log) scrolls to its row: every row is rendered for it.
  useEffect(() => {
    if (focus) setEveryRow(true);
  }, [focus]);
  const rendered = useMemo(() => {
    if (everyRow) return { sections, groups };
    const limit = seen ? FIRST_ROWS : 0;
    return siteList
      ? siteList.firstRows({ sections, groups }, limit)
      : { sections, groups: firstGroups(groups, limit) };
  }, [everyRow, seen, sections, groups, siteList]);

  /** Runs an action, shows what it did (or why it failed), then shows the cookies as they are now. */
  /** `undoable`: a change the bar offers to undo, when it went through. */
  const run = async (work: (t: Texts) => Promise<Outcome>, undoable = false) => {
    try {
      const outcome = await work(await loadTexts());
      setStatus(undoable && !outcome.error && outcome.undoable !== false ? { ...outcome, undoable } : outcome);
    } catch (error) {
      setStatus({ text: errorText(error), error: true });
    }
    await reload();
  };

  const locked = useMemo(() => new Set(data?.protectedKeys ?? []), [data]);
  const removeCookies = (
    cookies: Cookie[],
    label: (t: Texts) => string,
    options: { includeProtected?: boolean } = {},
  ) => run(async (t) => t.removeOutcome(cookies, await connector.remove(cookies, label(t), options)), true);
  /** A protected cookie is edited or deleted only after the user confirms. */
  const confirmFirst = (action: Confirming['action'], row: Row) => {
    const opener = focusedControl();
    void loadTexts().then((t) =>
      setConfirming({ action, row, question: t.protectedQuestion(action, row.cookie.name), opener }),
    );
  };
  const deleteRow = (row: Row) =>
    locked.has(row.key) ? confirmFirst('delete', row) : removeCookies([row.cookie], (t) => t.deleteLabel(row.cookie));
  const editRow = (r: Row) =>
    openEditor({
      title: word('edit_title', r.cookie.name),
      initial: (f) => f.formFromCookie(r.cookie),
      original: r.cookie,
      focus: 'value',
    });
  const setProtection = connector.setProtection?.bind(connector);
  const protect = (row: Row, on: boolean) =>
    run(async (t) => {
      if (!setProtection) throw new Error(word('cannot_protect'));
      const protection = await import('../protection');
      const change = protection.protectionChange(on ? [] : ((await connector.protectRules?.()) ?? []), row.cookie, on);
      if ('add' in change) {
        await setProtection(change);
        return t.protectionOutcome(row.cookie.name, true);
      }
      if (change.remove.length === 0) return t.notProtectedOutcome(row.cookie.name, change.site);
      await setProtection({ remove: change.remove });
      return t.protectionOutcome(row.cookie.name, false, change.remove.length);
    });
  const undo = (options?: { entryId: number; force: boolean }) =>
    run(async (t) => t.undoOutcome(await connector.undo(options)));
  const keepCurrent = (entryId: number) =>
    run(async (t) => {
      await connector.dropUndo(entryId);
      return t.keptOutcome();
    });

  const openTransfer = (which: 'import' | 'export') => {
    loadTransfer().then(
      (loaded) => {
        setDialogs(loaded);
        dialogOpener.current = focusedControl();
        setDialog(which);
      },
      (error: unknown) =>
        loadTexts().then(
          (t) => setStatus(t.transferFailedOutcome(which, error)),
          () => setStatus({ text: errorText(error), error: true }),
        ),
    );
  };

  const save = async (original: Cookie | undefined, next: Cookie) => {
    const result = await connector.save(original, next, editor?.overwrite ? { overwrite: true } : {});
    if ('conflict' in result) {
      // The form stays open on the cookie as it is now; saving again overwrites it knowingly.
      const { current, message } = result.conflict;
      // The form's code (with this helper) is loaded: the form is open.
      const forms = await loadForm();
      setEditor((e) => forms.editorAfterConflict(e, current));
      await reload();
      throw new Error(message);
    }
    // The form closes and the outcome shows in one render.
    const outcome = (await loadTexts()).saveOutcome(result);
    closeEditor(result.saved);
    setStatus(outcome.error ? outcome : { ...outcome, undoable: true });
    await reload();
  };

  /** Clears the search and the filters, so every cookie shows. */
  const showAll = () => {
    setQuery('');
    setWarningsOnly(false);
    setSeverity(undefined);
  };

  const { search, list, show, focusAfterDelete, focusBack } = useWorkbenchFocus({
    focus,
    data,
    groups,
    onStatus: setStatus,
    onShowAll: showAll,
    onOpen: setOpenKey,
    onEscape: () => {
      if (opening) {
        cancelOpening();
        return true;
      }
      if (confirming) {
        cancelConfirm();
        return true;
      }
      if (editor || dialog) {
        if (editor) closeEditor();
        if (dialog) closeDialog();
        return true;
      }
      if (openKey === undefined) return false;
      setOpenKey(undefined);
      return true;
    },
    onDelete: (row) => void deleteRow(row),
    onUndo: () => {
      if (undoNext !== undefined) void undo();
    },
  });

  // Closing a form or dialog gives focus back: to the cookie's row (the one saved, else the one
  // edited), else to the control that opened it.
  function closeEditor(saved?: Cookie) {
    const key = saved ? cookieKey(saved) : editor?.original && cookieKey(editor.original);
    setEditor(undefined);
    focusBack({ key, to: editor?.opener, afterLoad: saved !== undefined });
  }
  function closeDialog() {
    setDialog(undefined);
    focusBack({ to: dialogOpener.current });
  }
  function cancelConfirm() {
    if (confirming) focusBack({ key: confirming.row.key, to: confirming.opener });
    setConfirming(undefined);
  }

  // The same element and live region as the loaded workbench, so the region is there from the first render.
  if (!data) {
    return (
      <div class="workbench-loading">
        <LiveRegion status={status} />
        {loadError ? <p role="alert">{word('load_failed', loadError)}</p> : <p aria-busy="true">{word('loading')}</p>}
      </div>
    );
  }

  const host = hostOf(data.tab.url);
  const counts = cookiesPerSeverity(
    allCookies(data),
    hasSites(data) ? data.sites.flatMap((s) => s.findings) : data.findings,
  );
  const worstCookie = allCookies(data).find((c) => cookieKey(c) === data.summary.worstCookieKey);
  const shown = groups.flatMap((g) => g.rows.map((r) => r.cookie));
  const total = allCookies(data).length;
  const rowActions: RowActions = {
    onToggle: (key) => setOpenKey((k) => (k === key ? undefined : key)),
    onEdit: (r) => (locked.has(r.key) ? confirmFirst('edit', r) : editRow(r)),
    onDuplicate: (r) =>
      openEditor({
        title: word('duplicate_title', r.cookie.name),
        initial: (f) => ({ ...f.formFromCookie(r.cookie), name: `${r.cookie.name}-copy` }),
        focus: 'name',
      }),
    onDelete: (r) => {
      focusAfterDelete(r.key);
      void deleteRow(r);
    },
    ...(onShowHeaders ? { onShowHeaders: (r: Row) => onShowHeaders(r.cookie) } : {}),
    ...(setProtection ? { onProtect: (r: Row, on: boolean) => void protect(r, on) } : {}),
    isProtected: (key) => locked.has(key),
  };
  const protectedShown = data.cookies.filter((c) => locked.has(cookieKey(c))).length;
  const rows = { now, openKey, actions: rowActions, pageUrl: data.tab.url };

  return (
    <div class={`workbench${editor ? ' editing' : ''}`}>
      {/* Outcomes are spoken from here: a region on the page from the first render, its text replaced. */}
      <LiveRegion status={status} />
      <SummaryBar
        summary={data.summary}
        site={sections ? word('top_level_site', host || data.tab.url) : host || data.tab.url}
        counts={counts}
        filter={severity}
        onFilter={setSeverity}
        worst={
          worstCookie && {
            name: worstCookie.name,
            show: () => {
              showAll();
              show(cookieKey(worstCookie));
            },
          }
        }
        onAllSites={onAllSites}
      />
      {notStored.length > 0 && <NotStoredBar entries={notStored} />}
      <Toolbar
        searchRef={search}
        query={query}
        warningsOnly={warningsOnly}
        highAndMedium={severity === 'high-medium'}
        sort={sort}
        canDeleteAll={data.cookies.length > 0}
        undoNext={undoNext}
        onQuery={setQuery}
        onWarningsOnly={setWarningsOnly}
        onHighAndMedium={(on) => setSeverity(on ? 'high-medium' : undefined)}
        onSort={setSort}
        onAdd={() => openEditor({ title: word('add_cookie'), initial: (f) => f.blankForm(host, now), focus: 'name' })}
        onExport={() => openTransfer('export')}
        onImport={() => openTransfer('import')}
        onDeleteAll={() => {
          dialogOpener.current = focusedControl();
          setDialog('delete-all');
        }}
        onUndo={() => undo()}
      />
      {status && (
        <MessageBar
          status={status}
          undoNext={undoNext}
          onUndo={() => undo()}
          onRestoreAnyway={(entryId) => undo({ entryId, force: true })}
          onKeepCurrent={keepCurrent}
        />
      )}
      {dialog === 'delete-all' && (
        <DeleteAllDialog
          count={data.cookies.length}
          host={host}
          protectedCount={protectedShown}
          onConfirm={() => {
            setDialog(undefined);
            // Focus goes back once the list shows what is left: Delete all, or the list when nothing is.
            const opener = dialogOpener.current;
            void removeCookies(data.cookies, (t) => t.deleteAllLabel(data.cookies.length, host)).then(() =>
              focusBack({ to: opener }),
            );
          }}
          onCancel={() => closeDialog()}
        />
      )}
      {confirming && (
        <ConfirmDialog
          label={confirming.action === 'edit' ? word('confirm_edit_protected') : word('confirm_delete_protected')}
          question={confirming.question}
          danger={confirming.action === 'delete'}
          onConfirm={() => {
            const { action, row } = confirming;
            setConfirming(undefined);
            if (action === 'edit') editRow(row);
            else void removeCookies([row.cookie], (t) => t.deleteLabel(row.cookie), { includeProtected: true });
          }}
          onCancel={cancelConfirm}
        />
      )}
      {dialog === 'export' && dialogs && (
        <dialogs.ExportPanel cookies={shown} site={host} pageUrl={data.tab.url} onClose={() => closeDialog()} />
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
          evictionRisks={(cookies) => connector.evictionRisks(cookies)}
          onClose={() => closeDialog()}
        />
      )}
      {editor && (
        <CookieForm
          key={editor.id}
          title={editor.title}
          initial={editor.initial}
          storeId={data.tab.storeId}
          original={editor.original}
          focus={editor.focus}
          check={(cookie) => connector.check(cookie)}
          onSave={save}
          onCancel={() => closeEditor()}
        />
      )}
      {/* Focusable from script only: focus rests here when a delete leaves no row. */}
      <div class="list" ref={list} tabIndex={-1}>
        {total === 0 ? (
          <p class="empty">{word('no_cookies')}</p>
        ) : (
          !sections && groups.length === 0 && <p class="empty">{word('no_match')}</p>
        )}
        {total > 0 && sections && SiteSection
          ? rendered.sections?.map((section) => <SiteSection key={section.site} section={section} {...rows} />)
          : rendered.groups.map((group) => <CookieGroup key={group.label} group={group} {...rows} />)}
      </div>
    </div>
  );
}
