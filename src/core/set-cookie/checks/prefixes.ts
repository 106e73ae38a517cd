/** Cookie name prefixes (`__Secure-`, `__Host-`, and in Chrome `__Http-`, `__Host-Http-`); see ../../prefix.ts. */
import { browserPrefix, caseInsensitiveOnlyPrefix, type PrefixAttributes, prefixViolations } from '../../prefix';
import type { BrowserName } from '../../types';
import { rejected } from '../wording';
import type { Check } from './context';

/** Prefix rules as the given browser enforces them: what is missing, and the prefix. */
function prefixProblem(
  name: string,
  attrs: PrefixAttributes,
  browser: BrowserName,
): { prefix: string; missing: string[] } | undefined {
  const prefix = browserPrefix(name, browser);
  if (!prefix) return undefined;
  // The requirements of the prefix the browser knows: Firefox reads `__Host-Http-x` as a __Host- cookie.
  const missing = prefixViolations(prefix, attrs);
  return missing.length ? { prefix, missing } : undefined;
}

export const prefixes: Check = ({ draft, browser, who }) => {
  const { name, secure, httpOnly, hostOnly, path } = draft.cookie;
  const problem = prefixProblem(name, { secure, httpOnly, hostOnly, path }, browser);
  if (!problem) return undefined;
  const caseOnly = caseInsensitiveOnlyPrefix(name) !== undefined;
  return rejected('invalid-prefix', who, name, problem.prefix, problem.missing, caseOnly);
};
