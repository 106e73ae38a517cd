/** How the background words what went wrong with one cookie: the browser's reason, and ours. */
import { errorText } from '../error-text';
import type { CookieProblem } from '../messages';
import type { Cookie } from '../model/cookie';
import { likelyRefusal } from './check';
import { EditRefused } from './editor';
import { browserLabel } from './platform';

/** The browser's own words, plus what our explainer says the cause most likely is. Never throws. */
export function withReason(error: unknown, cookie: Cookie): Error {
  if (error instanceof EditRefused) return error;
  const said = errorText(error);
  let likely: string | undefined;
  try {
    likely = likelyRefusal(cookie);
  } catch {
    likely = undefined;
  }
  return new Error(
    `${browserLabel} refused the cookie: ${said}${likely && !said.includes(likely) ? ` Likely reason: ${likely}` : ''}`,
  );
}

export function problem(cookie: Cookie, reason: string): CookieProblem {
  return { name: cookie.name, domain: cookie.domain, path: cookie.path, reason };
}

export const cookieCount = (n: number) => `${n} cookie${n === 1 ? '' : 's'}`;
