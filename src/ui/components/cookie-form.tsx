import '../sheets.css';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CheckResult } from '../../messages';
import type { Cookie } from '../../model/cookie';
import { SAME_SITE_ATTRIBUTE, type SameSite } from '../../model/same-site';
import { cookieFromForm, type FormState } from '../form-model';
import { errorText } from '../../error-text';
import { t } from '../i18n';

export interface CookieFormProps {
  title: string;
  initial: FormState;
  storeId: string;
  /** The cookie being edited; absent when adding or duplicating. */
  original?: Cookie | undefined;
  check: (cookie: Cookie) => Promise<CheckResult>;
  /** Resolves when saved; rejects with the reason to show. The form stays filled on failure. */
  onSave: (original: Cookie | undefined, next: Cookie) => Promise<void>;
  onCancel: () => void;
  /** The field focused when the form opens. */
  focus?: 'name' | 'value' | undefined;
}

type Status = { kind: 'idle' } | { kind: 'saving' } | { kind: 'error'; message: string };

const SAME_SITES: [SameSite, string][] = [
  ['unspecified', ''],
  ['lax', SAME_SITE_ATTRIBUTE.lax],
  ['strict', SAME_SITE_ATTRIBUTE.strict],
  ['none', SAME_SITE_ATTRIBUTE.none],
];

/** Findings that say what a predicted refusal already says: shown once, as the refusal. */
const REFUSAL_RULES = new Set([
  'samesite-none-insecure',
  'host-prefix-invalid',
  'secure-prefix-invalid',
  'partitioned-insecure',
  'http-prefix-invalid',
]);

/** The one-click fix for a refused cookie, when there is an obvious one. */
export function quickFix(form: FormState): { label: string; apply: (form: FormState) => FormState } | undefined {
  const host = form.name.startsWith('__Host-');
  if (!form.secure && (form.sameSite === 'none' || form.partitioned || host || form.name.startsWith('__Secure-')))
    return { label: t('fix_turn_on_secure'), apply: (f) => ({ ...f, secure: true }) };
  if (host && (!form.hostOnly || form.path !== '/'))
    return { label: t('fix_host_only_root'), apply: (f) => ({ ...f, hostOnly: true, path: '/' }) };
  return undefined;
}

/** Add or edit every attribute. Warns (once the user changed something) what the audit rules and the browser will say. */
export function CookieForm({ title, initial, storeId, original, check, onSave, onCancel, focus }: CookieFormProps) {
  const [form, setForm] = useState<FormState>(initial);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [advice, setAdvice] = useState<CheckResult | undefined>();
  const [touched, setTouched] = useState(false);
  const built = cookieFromForm(form, { storeId, original });
  const self = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (focus) self.current?.querySelector<HTMLElement>(focus === 'value' ? 'textarea' : 'input')?.focus();
  }, []);

  const field =
    <K extends keyof FormState>(key: K) =>
    (value: FormState[K]) => {
      setTouched(true);
      setForm((f) => ({ ...f, [key]: value }));
    };

  useEffect(() => {
    if (!touched || !('cookie' in built)) return setAdvice(undefined);
    let live = true;
    const timer = setTimeout(() => {
      check(built.cookie).then(
        (result) => live && setAdvice(result),
        () => live && setAdvice(undefined),
      );
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [touched, JSON.stringify(built)]);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!('cookie' in built)) return setStatus({ kind: 'error', message: built.error });
    setStatus({ kind: 'saving' });
    try {
      await onSave(original, built.cookie);
    } catch (error) {
      setStatus({ kind: 'error', message: errorText(error) });
    }
  };

  const refusal = advice?.refusal;
  const warnings =
    advice?.findings.filter(
      (f) => (f.severity === 'high' || f.severity === 'medium') && !(refusal && REFUSAL_RULES.has(f.ruleId)),
    ) ?? [];
  const fix = refusal || status.kind === 'error' ? quickFix(form) : undefined;
  const fixButton = fix && (
    <button
      type="button"
      onClick={() => {
        setTouched(true);
        setStatus({ kind: 'idle' });
        setForm(fix.apply);
      }}
    >
      {fix.label}
    </button>
  );
  const text = (key: 'name' | 'domain' | 'path', label: string) => (
    <label>
      {label}
      <input value={form[key]} onInput={(e) => field(key)(e.currentTarget.value)} spellcheck={false} />
    </label>
  );
  const flag = (key: 'hostOnly' | 'session' | 'secure' | 'httpOnly' | 'partitioned', label: string) => (
    <label class="check">
      <input type="checkbox" checked={form[key]} onChange={(e) => field(key)(e.currentTarget.checked)} />
      {label}
    </label>
  );

  return (
    <form
      ref={self}
      class="cookie-form"
      aria-label={title}
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        // Esc closes the form, not the popup.
        e.preventDefault();
        onCancel();
      }}
    >
      <h2>{title}</h2>
      {text('name', t('f_name'))}
      <label>
        {t('f_value')}
        <textarea
          value={form.value}
          rows={3}
          onInput={(e) => field('value')(e.currentTarget.value)}
          spellcheck={false}
        />
      </label>
      <div class="line">
        {text('domain', t('f_domain'))}
        {flag('hostOnly', t('host_only'))}
      </div>
      {text('path', t('f_path'))}
      <div class="line">
        <label>
          {t('f_expires')}
          <input
            type="datetime-local"
            value={form.expires}
            disabled={form.session}
            onInput={(e) => field('expires')(e.currentTarget.value)}
          />
        </label>
        {flag('session', t('session'))}
      </div>
      <div class="line">
        {flag('secure', 'Secure')}
        {flag('httpOnly', 'HttpOnly')}
        <label>
          SameSite
          <select value={form.sameSite} onChange={(e) => field('sameSite')(e.currentTarget.value as SameSite)}>
            {SAME_SITES.map(([value, label]) => (
              <option key={value} value={value}>
                {label || t('not_set')}
              </option>
            ))}
          </select>
        </label>
        {flag('partitioned', t('f_partitioned'))}
      </div>
      {refusal && status.kind !== 'error' && (
        <p class="refusal" data-testid="refusal-warning">
          {t('will_refuse', t(refusal))}
          {fixButton}
        </p>
      )}
      {warnings.length > 0 && (
        <ul class="advice" aria-label={t('warnings_before_saving')}>
          {warnings.map((f) => (
            <li key={f.ruleId} class={`sev-${f.severity}`} data-rule={f.ruleId} data-severity={f.severity}>
              {t(f.title)} <code>{t(f.fix)}</code>
            </li>
          ))}
        </ul>
      )}
      {status.kind === 'error' && (
        <p role="alert" class="error refusal">
          {status.message}
          {fixButton}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={status.kind === 'saving'}>
          {refusal ? t('save_anyway') : t('save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
