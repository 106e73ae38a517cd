import type { Ref } from 'preact';
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
    <div class="toolbar" role="toolbar" aria-label="Cookie actions">
      <input
        ref={props.searchRef}
        type="search"
        aria-label="Search"
        placeholder="Search name, value, domain  ( / )"
        value={props.query}
        onInput={(e) => props.onQuery(e.currentTarget.value)}
      />
      <label class="check">
        <input type="checkbox" checked={props.warningsOnly} onChange={(e) => props.onWarningsOnly(e.currentTarget.checked)} />
        With warnings
      </label>
      <label class="check">
        <input
          type="checkbox"
          checked={props.highAndMedium}
          onChange={(e) => props.onHighAndMedium(e.currentTarget.checked)}
        />
        High and medium
      </label>
      <label>
        Sort
        <select value={props.sort} onChange={(e) => props.onSort(e.currentTarget.value as SortKey)}>
          <option value="name">Name</option>
          <option value="severity">Severity</option>
          <option value="expiry">Expiry</option>
          <option value="size">Size</option>
        </select>
      </label>
      <button type="button" onClick={props.onAdd}>
        Add cookie
      </button>
      <button type="button" onClick={props.onExport}>
        Export
      </button>
      <button type="button" onClick={props.onImport}>
        Import
      </button>
      <button type="button" class="danger" onClick={props.onDeleteAll} disabled={!props.canDeleteAll}>
        Delete all
      </button>
      <button
        type="button"
        onClick={props.onUndo}
        disabled={props.undoNext === undefined}
        title={props.undoNext ? `Undo: ${props.undoNext}` : 'Nothing to undo'}
      >
        Undo
      </button>
    </div>
  );
}
