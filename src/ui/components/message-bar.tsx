import { t } from '../i18n';
import type { Outcome } from '../outcome-text';

export interface MessageBarProps {
  status: Outcome;
  /** What Undo would undo now; none: no Undo button. */
  undoNext: string | undefined;
  onUndo: () => void;
  /** The user's choice on a conflict entry: restore it anyway, or keep the cookies as they are. */
  onRestoreAnyway: (entryId: number) => void;
  onKeepCurrent: (entryId: number) => void;
}

/** What the last action did, with Undo next to it, and the choice a conflict asks for. */
export function MessageBar({ status, undoNext, onUndo, onRestoreAnyway, onKeepCurrent }: MessageBarProps) {
  const conflict = status.conflictEntry;
  return (
    // Outcomes are spoken by the workbench's live region (present from the first render), so the
    // bar is no live region of its own; an error is an alert, made anew so it is spoken at once.
    <p
      key={status.error ? 'alert' : 'status'}
      role={status.error ? 'alert' : 'status'}
      aria-live={status.error ? undefined : 'off'}
      class={status.error ? 'error bar' : 'status bar'}
    >
      {status.text}
      {status.undoable && undoNext !== undefined && (
        <span class="bar-actions">
          ·
          <button type="button" aria-label={t('undo_what', undoNext)} onClick={onUndo}>
            {t('undo')}
          </button>
        </span>
      )}
      {conflict !== undefined && (
        <span class="choices">
          <button type="button" onClick={() => onRestoreAnyway(conflict)}>
            {t('restore_anyway')}
          </button>
          <button type="button" onClick={() => onKeepCurrent(conflict)}>
            {t('keep_current')}
          </button>
        </span>
      )}
    </p>
  );
}
