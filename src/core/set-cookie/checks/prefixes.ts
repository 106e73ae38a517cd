/** Cookie name prefixes (`__Secure-`, `__Host-`, and in Chrome `__Http-`, `__Host-Http-`); see ../../prefix.ts. */
import { browserPrefix, caseInsensitiveOnlyPrefix, type PrefixAttributes, prefixViolations } from '../../prefix';
import type { BrowserName } from '../../types';
import { rejected } from '../wording';
import type { Check } from './context';

/** What a prefix needs that the origin lacks: every prefix needs a secure origin (RFC 6265bis §4.1.3). */
export const SECURE_ORIGIN = 'a secure origin (https)';

/** Prefix rules as the given browser enforces them: what is missing, and the prefix. */
function prefixProblem(
  name: string,
  attrs: PrefixAttributes,
  browser: BrowserName,
  secureOrigin: boolean,
): { prefix: string; missing: string[] } | undefined {
  const prefix = browserPrefix(name, browser);
  if (!prefix) return undefined;
  const missing = prefixViolations(prefix, attrs);
  // Chromium 156 reports InvalidPrefix (not SecureOnly) for `__Secure-a=1; Secure` from http.
  if (!secureOrigin) missing.push(SECURE_ORIGIN);
  return missing.length ? { prefix, missing } : undefined;
}

export const prefixes: Check = ({ draft, browser, who, secureOrigin, parsed }) => {
  const { name, secure, httpOnly, path } = draft.cookie;
  // Chromium refuses `__Host-a=1; Secure; Path=/; Domain=localhost` from localhost for its Domain
  // attribute, although it would store it host-only; Firefox looks at the stored cookie and keeps it
  // (test/server/scenarios.ts, rule-host-prefix-invalid, checked in both browsers).
  const hostOnly = browser === 'chrome' ? draft.cookie.hostOnly && !parsed.domain : draft.cookie.hostOnly;
  const problem = prefixProblem(name, { secure, httpOnly, hostOnly, path }, browser, secureOrigin);
  if (!problem) return undefined;
  const caseOnly = caseInsensitiveOnlyPrefix(name) !== undefined;
  return rejected('invalid-prefix', who, name, problem.prefix, problem.missing, caseOnly);
};
