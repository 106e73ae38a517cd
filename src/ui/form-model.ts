/** The edit form's cookie, as a pure function: loaded with the form, not with the popup. */
import { bareDomain, type Cookie } from '../model/cookie';
import { t } from './i18n';
import { type FormState, toLocalInput } from './model';

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
