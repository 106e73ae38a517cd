import { useState } from 'preact/hooks';
import { toLocalInput } from '../../model';
import { Modal } from './modal';

export interface ExpiryDialogProps {
  count: number;
  now: number;
  /** Seconds since the epoch, or undefined for "ends with the session". */
  onApply: (expirationDate: number | undefined) => void;
  onClose: () => void;
}

/** Give the selected cookies one expiry: a date and time, or the end of the browser session. */
export function ExpiryDialog({ count, now, onApply, onClose }: ExpiryDialogProps) {
  const [session, setSession] = useState(false);
  const [when, setWhen] = useState(toLocalInput(now + 30 * 24 * 3600 * 1000));
  const [error, setError] = useState('');
  const apply = (event: Event) => {
    event.preventDefault();
    if (session) return onApply(undefined);
    const ms = new Date(when).getTime();
    if (!Number.isFinite(ms)) return setError('Pick a date and time, or tick Session.');
    onApply(Math.round(ms / 1000));
  };
  return (
    <Modal label="Change expiry" onClose={onClose}>
      <form class="dialog" onSubmit={apply}>
        <h2>Change the expiry of {count} cookies</h2>
        <label>
          Expires
          <input
            type="datetime-local"
            value={when}
            disabled={session}
            onInput={(e) => setWhen(e.currentTarget.value)}
          />
        </label>
        <label class="check">
          <input type="checkbox" checked={session} onChange={(e) => setSession(e.currentTarget.checked)} />
          Session
        </label>
        {error && (
          <p role="alert" class="error">
            {error}
          </p>
        )}
        <div class="actions">
          <button type="submit" class="primary">
            Apply
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}
