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
    <div class="bulk-bar" role="toolbar" aria-label="Selection and store">
      <button type="button" onClick={props.onSelectAll} disabled={props.shown === 0 || props.allShownSelected}>
        Select all
      </button>
      <button type="button" onClick={props.onClear} disabled={none}>
        Clear selection
      </button>
      <span class="selected-count" data-testid="selected-count">
        {props.selected} selected
      </span>
      <button type="button" class="danger" onClick={props.onDelete} disabled={none}>
        Delete selected
      </button>
      <button type="button" onClick={props.onExport} disabled={none}>
        Export selected
      </button>
      <button type="button" onClick={props.onExpiry} disabled={none}>
        Change expiry
      </button>
      <button
        type="button"
        onClick={props.onHarden}
        disabled={none}
        title="For development: add Secure, HttpOnly and SameSite=Lax where the browser accepts them"
      >
        Harden
      </button>
      <span class="spacer" />
      <button
        type="button"
        onClick={props.onUndo}
        disabled={props.undoNext === undefined}
        title={props.undoNext ? `Undo: ${props.undoNext}` : 'Nothing to undo'}
      >
        Undo
      </button>
      <button type="button" onClick={props.onBackup}>
        Backup
      </button>
      <button type="button" onClick={props.onRestore}>
        Restore
      </button>
    </div>
  );
}
