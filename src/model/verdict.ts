/**
 * What a browser does with one Set-Cookie header, in the words shared by the explainer (src/core),
 * the Set-Cookie log, the messages and the UI. Types only, so pages can import it freely.
 */
import type { Msg } from '../i18n/msg';
import type { Severity } from './severity';

/** Verdict of the browser on one Set-Cookie header. */
export type Verdict = 'stored' | 'replaced' | 'deleted' | 'rejected';

/**
 * Why a browser refused a cookie. Stable ids: they appear in the UI as data-reason and in the
 * sample server's catalogue.
 */
export type RejectReason =
  | 'empty' // no name and no value, or no '=' where one is required
  | 'control-characters'
  | 'too-large' // name + value over 4096 bytes
  | 'secure-from-insecure-origin'
  | 'samesite-none-insecure'
  | 'domain-mismatch'
  | 'domain-public-suffix'
  | 'invalid-prefix' // __Host-, __Secure-, __Http-, __Host-Http- rules not met
  | 'nameless-prefix' // empty name whose value starts like a prefix
  | 'overwrite-secure' // non-secure cookie would overwrite a Secure one from an insecure origin
  | 'overwrite-httponly' // script (document.cookie) may not overwrite an HttpOnly cookie
  | 'httponly-from-script' // document.cookie cannot set HttpOnly
  | 'partitioned-insecure'
  | 'non-ascii-domain'
  | 'samesite-cross-site' // Lax/Strict (or Lax-by-default) cookie set by a cross-site response
  | 'nameless-with-equals' // Firefox: nameless cookie whose value contains '='
  | 'third-party-blocked'; // unpartitioned cookie from a third-party response, with third-party cookies blocked

/** Something only the header shows: a duplicate attribute, a value the browser ignores, ... */
export interface HeaderNote {
  /** Stable id, e.g. `samesite-invalid`, `lifetime-capped`. */
  id: string;
  severity: Severity;
  /** One or two sentences for a web developer, as a message the page words. */
  message: Msg;
}

/** Every reject reason, as a set of keys (a reason added to the type without one here is a compile error). */
export const REJECT_REASONS: Record<RejectReason, true> = {
  empty: true,
  'control-characters': true,
  'too-large': true,
  'secure-from-insecure-origin': true,
  'samesite-none-insecure': true,
  'domain-mismatch': true,
  'domain-public-suffix': true,
  'invalid-prefix': true,
  'nameless-prefix': true,
  'overwrite-secure': true,
  'overwrite-httponly': true,
  'httponly-from-script': true,
  'partitioned-insecure': true,
  'non-ascii-domain': true,
  'samesite-cross-site': true,
  'nameless-with-equals': true,
  'third-party-blocked': true,
};
