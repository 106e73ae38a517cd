import type { Ref } from 'preact';
import { t } from '../i18n';
import type { SortKey } from '../model';

export interface ToolbarProps {
  searchRef: Ref<HTMLInputElement>;
  query: string;
  warningsOnly: boolean;
  /** Only cookies with a high or medium finding. */
  highAndMedium: boolean;
  sort: SortKey;
  canDeleteAll: boolean;
  /** What Undo would undo (the newest journal entry, which may be on another site); none: nothing. */
  undoNext: string | undefined;
  onQuery: (query: string) => void;
  onWarningsOnly: (on: boolean) => void;
  onHighAndMedium: (on: boolean) => void;
  onSort: (sort: SortKey) => void;
  onAdd: () => void;
  onExport: () => void;
  onImport: () => void;
  onDeleteAll: () => void;
  onUndo: () => void;
}

/** Search, filter, sort and the list's actions. */
export function Toolbar(props: ToolbarProps) {
  return (
    <div class="toolbar" role="toolbar" aria-label={t('cookie_actions')}>
      <input
        ref={props.searchRef}
        type="search"
        aria-label={t('search')}
        placeholder={t('search_placeholder')}
        value={props.query}
        onInput={(e) => props.onQuery(e.currentTarget.value)}
      />
      <label class="check">
        <input
          type="checkbox"
          checked={props.warningsOnly}
          onChange={(e) => props.onWarningsOnly(e.currentTarget.checked)}
        />
        {t('with_warnings')}
      </label>
      <label class="check">
        <input
          type="checkbox"
          checked={props.highAndMedium}
          onChange={(e) => props.onHighAndMedium(e.currentTarget.checked)}
        />
        {t('high_and_medium')}
      </label>
      <label>
        {t('sort')}
        <select value={props.sort} onChange={(e) => props.onSort(e.currentTarget.value as SortKey)}>
          <option value="name">{t('sort_name')}</option>
          <option value="severity">{t('sort_severity')}</option>
          <option value="expiry">{t('sort_expiry')}</option>
          <option value="size">{t('sort_size')}</option>
        </select>
      </label>
      <button type="button" onClick={props.onAdd}>
        {t('add_cookie')}
      </button>
      <button type="button" onClick={props.onExport}>
        {t('export')}
      </button>
      <button type="button" onClick={props.onImport}>
        {t('import')}
      </button>
      <button type="button" class="danger" onClick={props.onDeleteAll} disabled={!props.canDeleteAll}>
        {t('delete_all')}
      </button>
      <button
        type="button"
        onClick={props.onUndo}
        disabled={props.undoNext === undefined}
        title={props.undoNext ? t('undo_what', props.undoNext) : t('nothing_to_undo')}
      >
        {t('undo')}
      </button>
    </div>
  );
}
