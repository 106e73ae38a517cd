import { num, t } from '../../i18n';

export interface BulkBarProps {
  /** Rows shown (search results) and how many of all cookies are selected. */
  shown: number;
  selected: number;
  /** Whether every row shown is selected. */
  allShownSelected: boolean;
  undoNext: string | undefined;
  onSelectAll: () => void;
  onClear: () => void;
  onDelete: () => void;
  onExport: () => void;
  onExpiry: () => void;
  onHarden: () => void;
  onBackup: () => void;
  onRestore: () => void;
  onUndo: () => void;
}

/** What to do with the selection, and with the whole store (backup, restore, undo). */
export function BulkBar(props: BulkBarProps) {
  const none = props.selected === 0;
  return (
    <div class="bulk-bar" role="toolbar" aria-label={t('m_selection_and_store')}>
      <button type="button" onClick={props.onSelectAll} disabled={props.shown === 0 || props.allShownSelected}>
        {t('m_select_all')}
      </button>
      <button type="button" onClick={props.onClear} disabled={none}>
        {t('m_clear_selection')}
      </button>
      <span class="selected-count" data-testid="selected-count">
        {t('m_n_selected', num(props.selected))}
      </span>
      <button type="button" class="danger" onClick={props.onDelete} disabled={none}>
        {t('m_delete_selected')}
      </button>
      <button type="button" onClick={props.onExport} disabled={none}>
        {t('m_export_selected')}
      </button>
      <button type="button" onClick={props.onExpiry} disabled={none}>
        {t('m_change_expiry')}
      </button>
      <button type="button" onClick={props.onHarden} disabled={none} title={t('m_harden_title')}>
        {t('m_harden')}
      </button>
      <span class="spacer" />
      <button
        type="button"
        onClick={props.onUndo}
        disabled={props.undoNext === undefined}
        title={props.undoNext ? t('undo_what', props.undoNext) : t('nothing_to_undo')}
      >
        {t('undo')}
      </button>
      <button type="button" onClick={props.onBackup}>
        {t('m_backup')}
      </button>
      <button type="button" onClick={props.onRestore}>
        {t('m_restore')}
      </button>
    </div>
  );
}
