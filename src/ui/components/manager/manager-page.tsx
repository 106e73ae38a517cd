import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { EMPTY_QUERY, parseQuery, type SearchQuery } from '../../../core/search';
import { errorText } from '../../../error-text';
import type { ProtectRule } from '../../../messages';
import type { Cookie } from '../../../model/cookie';
import type { StoreConnector } from '../../connect/connector';
import { useRowKeyboard } from '../../hooks/use-row-keyboard';
import { useStoreData } from '../../hooks/use-store-data';
import { useVirtualRows } from '../../hooks/use-virtual-rows';
import { useLatest } from '../../hooks/use-latest';
import {
  backupFileName,
  bulkText,
  type FilterChoice,
  filterIndexed,
  indexStore,
  keepExisting,
  NO_CHOICE,
  type RowItem,
  ruleForRow,
  rulesFor,
  type SiteOrder,
  toFilters,
  toggleSelection,
} from '../../manager-model';
import { editorAfterConflict, type FormState, formFromCookie } from '../../form-model';
import type { Row } from '../../model';
import {
  cookieCount,
  deleteLabel,
  keptOutcome,
  type Outcome,
  removeOutcome,
  saveOutcome,
  undoOutcome,
} from '../../outcome-text';
import type { RowActions } from '../cookie-group';
import { CookieForm } from '../cookie-form';
import { LiveRegion } from '../live-region';
import { MessageBar } from '../message-bar';
import { BulkBar } from './bulk-bar';
import { ConfirmDialog } from '../confirm-dialog';
import { CookieList, ROW_HEIGHT, SITE_HEIGHT } from './cookie-list';
import { ExpiryDialog } from './expiry-dialog';
import { Modal } from './modal';
import { ProtectPatternDialog } from './protect-pattern-dialog';
import { RestoreDialog } from './restore-dialog';
import { SearchBar } from './search-bar';
import { StoreSwitch } from './store-switch';
import { plural } from '../../../i18n/msg';
import { t } from '../../i18n';

/** The export dialog (and the formats code) loads on first use. */
type Transfer = typeof import('../transfer');
let transfer: Promise<Transfer> | undefined;
const loadTransfer = () => {
  transfer ??= import('../transfer');
  return transfer;
};

type Editor = {
  id: number;
  title: string;
  initial: FormState;
  original?: Cookie;
  overwrite?: boolean;
  focus: 'name' | 'value';
};
type Dialog =
  | { kind: 'export'; cookies: Cookie[]; panel: Transfer }
  | { kind: 'expiry' }
  | { kind: 'restore' }
  | { kind: 'pattern'; site: string; rules: ProtectRule[]; otherSites: string[] }
  | { kind: 'confirm'; label: string; question: string; then: () => void };

/** A status line, with the cookies a bulk change could not change listed under it. */
type Status = Outcome & { problems?: string[] };

export interface ManagerPageProps {
  connector: StoreConnector;
  /** The store shown first. */
  storeId: string;
  /** Hears a store switch (the entry keeps `?store=` in the address). */
  onStoreChange?: (storeId: string) => void;
}

/**
 * The cookie manager: every cookie of one store, by site, searched and filtered, in a windowed list;
 * multi-select with bulk delete (undoable as one step), export, expiry and harden; backup and
 * restore; protected cookies. The same safe edits, undo and conflicts as the popup, scoped to the store.
 */
export function ManagerPage({ connector, storeId: initialStore, onStoreChange }: ManagerPageProps) {
  const [storeId, setStoreId] = useState(initialStore);
  const { stores, data, loadError, now, undoNext, reload, quietly } = useStoreData(connector, storeId);
  const [query, setQuery] = useState('');
  const [choice, setChoice] = useState<FilterChoice>(NO_CHOICE);
  const [order, setOrder] = useState<SiteOrder>('name');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const lastClicked = useRef<string | undefined>(undefined);
  const [openKey, setOpenKey] = useState<string | undefined>();
  const [editor, setEditor] = useState<Editor | undefined>();
  const [dialog, setDialog] = useState<Dialog | undefined>();
  const [status, setStatus] = useState<Status | undefined>();
  const editorSeq = useRef(0);
  const search = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);

  // An invalid query says why and keeps showing the last valid one's results.
  const lastGood = useRef<SearchQuery>(EMPTY_QUERY);
  const parsed = useMemo(() => parseQuery(query), [query]);
  if (parsed.ok) lastGood.current = parsed.query;
  const queryError = parsed.ok ? '' : t(parsed.error);
  const activeQuery = parsed.ok ? parsed.query : lastGood.current;
  const filters = useMemo(() => toFilters(choice), [choice]);

  // Keys, findings and sorting once per load; a keystroke only filters.
  const indexed = useMemo(() => (data ? indexStore(data, order) : undefined), [data, order]);
  const view = useMemo(
    () => (indexed ? filterIndexed(indexed, { query: activeQuery, filters, now }) : { items: [], rows: [], total: 0 }),
    [indexed, activeQuery, filters, now],
  );
  const keys = useMemo(() => view.items.map((i) => i.key), [view]);
  const itemHeight = useCallback((i: number) => (view.items[i]?.kind === 'site' ? SITE_HEIGHT : ROW_HEIGHT), [view]);
  const virtual = useVirtualRows({ keys, itemHeight, overscan: 4 });
  const protectedKeys = useMemo(() => new Set(data?.protectedKeys ?? []), [data]);

  // Live updates keep the selection of cookies still there.
  useEffect(() => {
    if (data) setSelected((s) => keepExisting(s, data));
  }, [data]);

  const switchStore = (id: string) => {
    if (id === storeId) return;
    setStoreId(id);
    setSelected(new Set());
    setOpenKey(undefined);
    setStatus(undefined);
    if (virtual.scroller.current) virtual.scroller.current.scrollTop = 0;
    onStoreChange?.(id);
  };

  /** Runs an action, shows what it did (or why it failed), then the cookies as they are now. */
  const run = async (work: () => Promise<Status>, undoable = false) => {
    try {
      const outcome = await quietly(work);
      setStatus(undoable && !outcome.error && outcome.undoable !== false ? { ...outcome, undoable } : outcome);
    } catch (error) {
      setStatus({ text: errorText(error), error: true });
    }
    await reload();
  };

  const removeCookies = (cookies: Cookie[], label: string, includeProtected = false) =>
    run(async () => {
      const result = await connector.remove(cookies, label, includeProtected ? { includeProtected } : {});
      const kept = result.protectedKept ?? 0;
      const outcome = removeOutcome(cookies, result);
      if (kept > 0) {
        const keptText = t(plural('m_kept_protected', kept, cookieCount(kept)));
        return {
          ...outcome,
          text: outcome.text ? `${outcome.text} ${keptText}` : keptText,
          error: outcome.error && result.removed === 0 ? false : outcome.error,
        };
      }
      return outcome;
    }, true);

  const undo = (options?: { entryId: number; force: boolean }) =>
    run(async () => undoOutcome(await connector.undo(storeId, options)));
  const keepCurrent = (entryId: number) =>
    run(async () => {
      await connector.dropUndo(storeId, entryId);
      return keptOutcome();
    });

  /** Asks first when the cookie is protected. */
  const guarded = (row: Row, what: 'edit' | 'delete', then: () => void) => {
    if (!protectedKeys.has(row.key)) return then();
    const name = row.cookie.name || t('no_name');
    const where = `${row.cookie.domain}${row.cookie.path}`;
    setDialog({
      kind: 'confirm',
      label: t(what === 'edit' ? 'm_edit_protected' : 'm_delete_protected'),
      question: t(what === 'edit' ? 'm_edit_protected_q' : 'm_delete_protected_q', name, where),
      then,
    });
  };

  const openEditor = (e: Omit<Editor, 'id'>) => setEditor({ ...e, id: ++editorSeq.current });
  const rowActions: Required<Pick<RowActions, 'onToggle' | 'onEdit' | 'onDuplicate' | 'onDelete'>> = {
    onToggle: (key) => setOpenKey((k) => (k === key ? undefined : key)),
    onEdit: (r) =>
      guarded(r, 'edit', () =>
        openEditor({
          title: t('edit_title', r.cookie.name),
          initial: formFromCookie(r.cookie),
          original: r.cookie,
          focus: 'value',
        }),
      ),
    onDuplicate: (r) =>
      openEditor({
        title: t('duplicate_title', r.cookie.name),
        initial: { ...formFromCookie(r.cookie), name: `${r.cookie.name}-copy` },
        focus: 'name',
      }),
    onDelete: (r) =>
      guarded(r, 'delete', () => void removeCookies([r.cookie], deleteLabel(r.cookie), protectedKeys.has(r.key))),
  };

  const save = async (original: Cookie | undefined, next: Cookie) => {
    const result = await connector.save(storeId, original, next, editor?.overwrite ? { overwrite: true } : {});
    if ('conflict' in result) {
      const { current, message } = result.conflict;
      setEditor((e) => editorAfterConflict(e, current));
      await reload();
      throw new Error(message);
    }
    setEditor(undefined);
    const outcome = saveOutcome(result);
    setStatus(outcome.error ? outcome : { ...outcome, undoable: true });
    await reload();
  };

  // What you see is what a bulk action acts on: a selection hidden by a later search is left alone.
  const chosen = () => view.rows.filter((r) => selected.has(r.key)).map((r) => r.cookie);
  const chosenCount = view.rows.reduce((n, r) => n + (selected.has(r.key) ? 1 : 0), 0);
  const bulk = (action: string, work: (cookies: Cookie[]) => ReturnType<StoreConnector['harden']>) =>
    run(async () => {
      const { text, problems, error } = bulkText(action, await work(chosen()));
      return { text, error, problems };
    }, true);

  const protect = async (item: RowItem, on: boolean) => {
    await run(async () => {
      if (on) {
        await connector.setProtection({ add: [ruleForRow(item)] });
        return { text: t('m_protected_on', item.cookie.name || t('no_name'), item.site), error: false };
      }
      const covering = rulesFor(await connector.protectRules(), item.cookie);
      await connector.setProtection({ remove: covering });
      const name = item.cookie.name || t('no_name');
      const patterns = covering.some((r) => r.name !== item.cookie.name);
      const text = patterns
        ? t('m_unprotected_pattern', name, item.site, covering.map((r) => r.name).join(', '))
        : t('m_unprotected_on', name, item.site);
      return { text, error: false };
    });
  };

  const openPattern = async (site: string, otherSites: string[] = []) => {
    try {
      const rules = (await connector.protectRules()).filter((r) => r.site === site);
      setDialog({ kind: 'pattern', site, rules, otherSites });
    } catch (error) {
      setStatus({ text: errorText(error), error: true });
    }
  };
  const changePattern = async (site: string, change: { add?: ProtectRule[]; remove?: ProtectRule[] }) => {
    try {
      const rules = (await connector.setProtection(change)).filter((r) => r.site === site);
      setDialog((d) => (d?.kind === 'pattern' ? { ...d, rules } : d));
      await reload();
    } catch (error) {
      setStatus({ text: errorText(error), error: true });
    }
  };

  const backup = () =>
    run(async () => {
      const { text, cookies } = await connector.backup(storeId);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
      link.download = backupFileName(storeId, new Date());
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 1000);
      return { text: t('m_saved_to', cookieCount(cookies), link.download), error: false };
    });

  const exportSelected = () => {
    const cookies = chosen();
    loadTransfer().then(
      (panel) => setDialog({ kind: 'export', cookies, panel }),
      (error: unknown) => setStatus({ text: t('export_load_failed', errorText(error)), error: true }),
    );
  };

  useRowKeyboard({
    search,
    list: listRef,
    onEscape: () => {
      if (editor || dialog) return false;
      if (openKey === undefined) return false;
      setOpenKey(undefined);
      return true;
    },
    onDelete: (key) => {
      const row = view.rows.find((r) => r.key === key);
      if (row) rowActions.onDelete(row);
    },
    onOpenFirst: (key) => setOpenKey(key),
    onUndo: () => {
      if (undoNext !== undefined) void undo();
    },
  });

  // The list's callbacks keep their identity across renders: rows whose cookie did not change are not rendered again.
  const listActions = useLatest({
    ...rowActions,
    onSelect: (key: string, shift: boolean) => {
      setSelected((s) => toggleSelection(s, view.rows, key, { shift, lastKey: lastClicked.current }));
      lastClicked.current = key;
    },
    onProtect: (item: RowItem, on: boolean) => void protect(item, on),
    onProtectPattern: (site: string, otherSites: string[]) => void openPattern(site, otherSites),
  });
  const stableRowActions = useMemo<RowActions>(
    () => ({
      onToggle: listActions.onToggle,
      onEdit: listActions.onEdit,
      onDuplicate: listActions.onDuplicate,
      onDelete: listActions.onDelete,
    }),
    [listActions],
  );

  const storeName = stores.find((s) => s.id === storeId)?.name ?? data?.store.name ?? storeId;
  const allShownSelected = view.rows.length > 0 && view.rows.every((r) => selected.has(r.key));

  return (
    <div class="manager" data-store={storeId}>
      {/* Outcomes are spoken from here: a region on the page from the first render, its text replaced. */}
      <LiveRegion status={status} />
      <header class="manager-head">
        <h1>{t('m_title', storeName)}</h1>
        <StoreSwitch stores={stores} current={storeId} onSwitch={switchStore} />
      </header>
      <SearchBar
        searchRef={search}
        query={query}
        queryError={queryError}
        choice={choice}
        order={order}
        shown={view.rows.length}
        total={view.total}
        onQuery={setQuery}
        onChoice={setChoice}
        onOrder={setOrder}
      />
      <BulkBar
        shown={view.rows.length}
        selected={chosenCount}
        allShownSelected={allShownSelected}
        undoNext={undoNext}
        onSelectAll={() => setSelected((s) => new Set([...s, ...view.rows.map((r) => r.key)]))}
        onClear={() => setSelected(new Set())}
        onDelete={() => {
          const cookies = chosen();
          void removeCookies(cookies, t('m_deleted_in', cookieCount(cookies.length), storeName));
        }}
        onExport={exportSelected}
        onExpiry={() => setDialog({ kind: 'expiry' })}
        onHarden={() => void bulk(t('m_harden'), (cookies) => connector.harden(cookies))}
        onBackup={() => void backup()}
        onRestore={() => setDialog({ kind: 'restore' })}
        onUndo={() => void undo()}
      />
      {status && (
        <div class="manager-status">
          <MessageBar
            status={status}
            undoNext={undoNext}
            onUndo={() => void undo()}
            onRestoreAnyway={(entryId) => void undo({ entryId, force: true })}
            onKeepCurrent={(entryId) => void keepCurrent(entryId)}
          />
          {status.problems && status.problems.length > 0 && (
            <ul class="problems" aria-label={t('m_not_changed')}>
              {status.problems.map((p, i) => (
                <li key={i} data-testid="bulk-problem">
                  {p}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {!data ? (
        loadError ? (
          <p role="alert" class="error">
            {t('load_failed', loadError)}
          </p>
        ) : (
          <p aria-busy="true">{t('loading')}</p>
        )
      ) : view.total === 0 ? (
        <p class="empty">{t('m_no_cookies')}</p>
      ) : view.rows.length === 0 ? (
        <p class="empty">{t('no_match')}</p>
      ) : null}
      <CookieList
        items={view.items}
        virtual={virtual}
        now={now}
        openKey={openKey}
        selected={selected}
        protectedKeys={protectedKeys}
        actions={stableRowActions}
        listRef={listRef}
        onSelect={listActions.onSelect}
        onProtect={listActions.onProtect}
        onProtectPattern={listActions.onProtectPattern}
      />
      {editor && (
        <Modal label={editor.title} class="sheet" onClose={() => setEditor(undefined)}>
          <CookieForm
            key={editor.id}
            title={editor.title}
            initial={editor.initial}
            storeId={storeId}
            original={editor.original}
            focus={editor.focus}
            check={(cookie) => connector.check(storeId, cookie)}
            onSave={save}
            onCancel={() => setEditor(undefined)}
          />
        </Modal>
      )}
      {dialog?.kind === 'confirm' && (
        <ConfirmDialog
          modal
          label={dialog.label}
          question={dialog.question}
          onConfirm={() => {
            setDialog(undefined);
            dialog.then();
          }}
          onCancel={() => setDialog(undefined)}
        />
      )}
      {dialog?.kind === 'expiry' && (
        <ExpiryDialog
          count={chosenCount}
          now={now}
          onApply={(expirationDate) => {
            setDialog(undefined);
            void bulk(t('m_change_expiry'), (cookies) => connector.setExpiry(cookies, expirationDate));
          }}
          onClose={() => setDialog(undefined)}
        />
      )}
      {dialog?.kind === 'export' && (
        <Modal label={t('m_export_selected')} onClose={() => setDialog(undefined)}>
          <dialog.panel.ExportPanel cookies={dialog.cookies} site={storeName} onClose={() => setDialog(undefined)} />
        </Modal>
      )}
      {dialog?.kind === 'restore' && (
        <RestoreDialog
          storeName={storeName}
          preview={(text) => connector.previewRestore(storeId, text)}
          restore={async (text) => {
            const outcome = await quietly(() => connector.restore(storeId, text));
            await reload();
            return outcome;
          }}
          onClose={() => setDialog(undefined)}
        />
      )}
      {dialog?.kind === 'pattern' && (
        <ProtectPatternDialog
          key={dialog.site}
          site={dialog.site}
          rules={dialog.rules}
          otherSites={dialog.otherSites}
          onOtherSite={(other) => void openPattern(other)}
          onProtect={(rule) => void changePattern(dialog.site, { add: [rule] })}
          onUnprotect={(rule) => void changePattern(dialog.site, { remove: [rule] })}
          onClose={() => setDialog(undefined)}
        />
      )}
    </div>
  );
}
