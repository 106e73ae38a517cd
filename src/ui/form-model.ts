/** The edit form's fields from a cookie and back, as pure functions: loaded with the form, not with the popup. */
import { bareDomain, type Cookie, type SameSite } from '../model/cookie';
import { t } from './i18n';

/** What the edit form holds: every attribute as the user edits it. */
export interface FormState {
  name: string;
  value: string;
  domain: string;
  hostOnly: boolean;
  path: string;
  session: boolean;
  /** `YYYY-MM-DDTHH:mm` in local time, as a datetime-local input gives it. */
  expires: string;
  secure: boolean;
  httpOnly: boolean;
  sameSite: SameSite;
  partitioned: boolean;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function toLocalInput(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * An open form after its save met a conflict (the site changed the cookie since the form opened):
 * it stays open on the cookie as it is now (or as a new one, if it is gone), and saving again
 * overwrites it knowingly.
 */
export function editorAfterConflict<E extends { original?: Cookie; overwrite?: boolean }>(
  editor: E | undefined,
  current: Cookie | null,
): E | undefined {
  if (!editor) return editor;
  const { original: _old, ...rest } = editor;
  return { ...rest, ...(current ? { original: current } : {}), overwrite: true } as E;
}

export function formFromCookie(cookie: Cookie): FormState {
  return {
    name: cookie.name,
    value: cookie.value,
    domain: bareDomain(cookie),
    hostOnly: cookie.hostOnly,
    path: cookie.path,
    session: cookie.session,
    expires: cookie.expirationDate !== undefined ? toLocalInput(cookie.expirationDate * 1000) : '',
    secure: cookie.secure,
    httpOnly: cookie.httpOnly,
    sameSite: cookie.sameSite,
    partitioned: cookie.partitionKey !== undefined,
  };
}

export function blankForm(host: string, nowMs: number): FormState {
  return {
    name: '',
    value: '',
    domain: host,
    hostOnly: true,
    path: '/',
    session: false,
    expires: toLocalInput(nowMs + 30 * 24 * 3600 * 1000),
    secure: true,
    httpOnly: true,
    sameSite: 'lax',
    partitioned: false,
  };
}

/**
 * The cookie the form describes, or an error message. An unchanged expiry keeps the original's exact
 * (sub-minute) time, so editing only the value never shifts the expiry.
 */
export function cookieFromForm(
  form: FormState,
  base: { storeId: string; original?: Cookie | undefined },
): { cookie: Cookie } | { error: string } {
  const domain = bareDomain(form.domain.trim()).toLowerCase();
  if (!domain) return { error: t('domain_required') };
  const cookie: Cookie = {
    name: form.name,
    value: form.value,
    domain: form.hostOnly ? domain : `.${domain}`,
    hostOnly: form.hostOnly,
    path: form.path.trim() || '/',
    secure: form.secure,
    httpOnly: form.httpOnly,
    sameSite: form.sameSite,
    session: form.session,
    storeId: base.original?.storeId ?? base.storeId,
  };
  if (!form.session) {
    const original = base.original;
    if (original?.expirationDate !== undefined && toLocalInput(original.expirationDate * 1000) === form.expires) {
      cookie.expirationDate = original.expirationDate;
    } else {
      const ms = form.expires ? new Date(form.expires).getTime() : Number.NaN;
      if (!Number.isFinite(ms)) return { error: t('expires_invalid') };
      cookie.expirationDate = Math.round(ms / 1000);
    }
  }
  if (form.partitioned) {
    // Empty top-level site: the background fills in this tab's site.
    cookie.partitionKey = base.original?.partitionKey ?? { topLevelSite: '' };
  }
  if (base.original?.firstPartyDomain) cookie.firstPartyDomain = base.original.firstPartyDomain;
  return { cookie };
}
