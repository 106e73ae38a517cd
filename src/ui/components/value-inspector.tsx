import { useMemo, useState } from 'preact/hooks';
import { absoluteLocalTime, decodeViews, relativeTime, type ValueViews } from '../value-decode';
import './value-inspector.css';
import type { MessageId } from '../../i18n/msg';
import { t } from '../i18n';

export interface ValueInspectorProps {
  /** The cookie value: hostile input, only ever rendered as text. */
  value: string;
  /** Milliseconds since the epoch; decides JWT expiry and the relative times. */
  now: number;
}

type View = 'raw' | 'url' | 'base64' | 'json' | 'jwt';

const VIEWS: [View, MessageId][] = [
  ['raw', 'vi_raw'],
  ['url', 'vi_url'],
  ['base64', 'vi_base64'],
  ['json', 'vi_json'],
  ['jwt', 'vi_jwt'],
];

function viewText(views: ValueViews, view: View): string {
  if (view !== 'jwt') return views[view] ?? views.raw;
  const jwt = views.jwt;
  return jwt ? `${t('jwt_header')}\n${jwt.headerText}\n\n${t('jwt_payload')}\n${jwt.payloadText}` : views.raw;
}

/** Raw, URL-decoded, Base64, JSON and JWT views of a cookie value, each shown as plain text with a copy button. */
export function ValueInspector({ value, now }: ValueInspectorProps) {
  const views = useMemo(() => decodeViews(value, now), [value, now]);
  const [chosen, setChosen] = useState<View>('raw');
  const [status, setStatus] = useState('');
  const shown = VIEWS.filter(([id]) => id === 'raw' || views[id] !== undefined);
  const view = shown.some(([id]) => id === chosen) ? chosen : 'raw';
  const text = viewText(views, view);
  const jwt = view === 'jwt' ? views.jwt : undefined;

  const copy = () => {
    const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
    if (!clipboard?.writeText) return setStatus(t('vi_copy_failed'));
    clipboard.writeText(text).then(
      () => setStatus(t('copied')),
      () => setStatus(t('vi_copy_failed')),
    );
  };

  return (
    <section class="vi" aria-label={t('value_inspector')}>
      <fieldset class="vi-tabs" aria-label={t('value_view')}>
        {shown.map(([id, label]) => (
          <button
            key={id}
            type="button"
            aria-pressed={id === view}
            onClick={() => {
              setChosen(id);
              setStatus('');
            }}
          >
            {t(label)}
          </button>
        ))}
      </fieldset>
      {views.note && <p class="vi-note">{views.note}</p>}
      {jwt && (
        <p class="vi-jwt">
          {jwt.expiresAt ? (
            <>
              {t(
                'jwt_expires',
                absoluteLocalTime(Date.parse(jwt.expiresAt)),
                relativeTime(Date.parse(jwt.expiresAt), now),
              )}
              {jwt.expired && <strong class="vi-warn"> {t('jwt_expired')}</strong>}
            </>
          ) : (
            t('jwt_no_exp')
          )}
          {!jwt.signaturePresent && <strong class="vi-warn"> {t('jwt_unsigned')}</strong>}
        </p>
      )}
      <pre data-view={view}>{text}</pre>
      <p>
        <button type="button" onClick={copy}>
          {t('copy')}
        </button>{' '}
        <span role="status">{status}</span>
      </p>
    </section>
  );
}
