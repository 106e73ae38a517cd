/** Cookie name prefixes (`__Secure-`, `__Host-`, and in Chrome `__Http-`, `__Host-Http-`); see ../../prefix.ts. */
import { caseInsensitiveOnlyPrefix, effectivePrefix, prefixViolations } from '../../prefix';
import type { BrowserName } from '../../types';
import { rejected } from '../wording';
import type { Check } from './context';

/** Prefix rules as the given browser enforces them: what is missing, and the prefix. */
export function prefixProblem(
  name: string,
  attrs: { secure: boolean; httpOnly: boolean; hostOnly: boolean; path: string },
  browser: BrowserName,
): { prefix: string; missing: string[] } | undefined {
  if (browser === 'firefox') {
    // Firefox knows __Secure- and __Host- only (case-insensitively), not __Http-.
    const lower = name.toLowerCase();
    const prefix = lower.startsWith('__host-') ? '__Host-' : lower.startsWith('__secure-') ? '__Secure-' : undefined;
    if (!prefix) return undefined;
    const missing = prefixViolations(prefix, attrs);
    return missing.length ? { prefix, missing } : undefined;
  }
  const prefix = effectivePrefix(name);
  if (!prefix) return undefined;
  const missing = prefixViolations(name, attrs);
  return missing.length ? { prefix, missing } : undefined;
}

export const prefixes: Check = ({ draft, browser, who }) => {
  const { name, secure, httpOnly, hostOnly, path } = draft.cookie;
  const problem = prefixProblem(name, { secure, httpOnly, hostOnly, path }, browser);
  if (!problem) return undefined;
  const caseOnly = caseInsensitiveOnlyPrefix(name) !== undefined;
  return rejected('invalid-prefix', who, name, problem.prefix, problem.missing, caseOnly);
};
