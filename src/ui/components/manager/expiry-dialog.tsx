import { useState } from 'preact/hooks';
import { toLocalInput } from '../../form-model';
import { Modal } from './modal';
import { plural } from '../../../i18n/msg';
import { num, t } from '../../i18n';

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
    if (!Number.isFinite(ms)) return setError(t('m_pick_date'));
    onApply(Math.round(ms / 1000));
  };
  return (
    <Modal label={t('m_change_expiry')} onClose={onClose}>
      <form class="dialog" onSubmit={apply}>
        <h2>{t(plural('m_expiry_of', count, num(count)))}</h2>
        <label>
          {t('f_expires')}
          <input
            type="datetime-local"
            value={when}
            disabled={session}
            onInput={(e) => setWhen(e.currentTarget.value)}
          />
        </label>
        <label class="check">
          <input type="checkbox" checked={session} onChange={(e) => setSession(e.currentTarget.checked)} />
          {t('session')}
        </label>
        {error && (
          <p role="alert" class="error">
            {error}
          </p>
        )}
        <div class="actions">
          <button type="submit" class="primary">
            {t('m_apply')}
          </button>
          <button type="button" onClick={onClose}>
            {t('cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
