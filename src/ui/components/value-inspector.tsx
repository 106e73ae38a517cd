import { useMemo, useState } from 'preact/hooks';
import { absoluteLocalTime, decodeViews, relativeTime, type ValueViews } from '../value-decode';
import './value-inspector.css';

export interface ValueInspectorProps {
  /** The cookie value: hostile input, only ever rendered as text. */
  value: string;
  /** Milliseconds since the epoch; decides JWT expiry and the relative times. */
  now: number;
}

type View = 'raw' | 'url' | 'base64' | 'json' | 'jwt';

const VIEWS: [View, string][] = [
  ['raw', 'Raw'],
  ['url', 'URL-decoded'],
  ['base64', 'Base64'],
  ['json', 'JSON'],
  ['jwt', 'JWT'],
];

function viewText(views: ValueViews, view: View): string {
  if (view !== 'jwt') return views[view] ?? views.raw;
  const jwt = views.jwt;
  return jwt ? `Header:\n${jwt.headerText}\n\nPayload:\n${jwt.payloadText}` : views.raw;
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
    if (!clipboard?.writeText) return setStatus('Copy failed');
    clipboard.writeText(text).then(
      () => setStatus('Copied'),
      () => setStatus('Copy failed'),
    );
  };

  return (
    <section class="vi" aria-label="Value inspector">
      <fieldset class="vi-tabs" aria-label="Value view">
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
            {label}
          </button>
        ))}
      </fieldset>
      {views.note && <p class="vi-note">{views.note}</p>}
      {jwt && (
        <p class="vi-jwt">
          {jwt.expiresAt ? (
            <>
              Expires: {absoluteLocalTime(Date.parse(jwt.expiresAt))} ({relativeTime(Date.parse(jwt.expiresAt), now)})
              {jwt.expired && <strong class="vi-warn"> Expired</strong>}
            </>
          ) : (
            'No expiry (exp) claim.'
          )}
          {!jwt.signaturePresent && <strong class="vi-warn"> Unsigned</strong>}
        </p>
      )}
      <pre data-view={view}>{text}</pre>
      <p>
        <button type="button" onClick={copy}>
          Copy
        </button>{' '}
        <span role="status">{status}</span>
      </p>
    </section>
  );
}
