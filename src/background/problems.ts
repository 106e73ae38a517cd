/** How the background words what went wrong with one cookie: the browser's reason, and ours. */
import { errorText } from '../error-text';
import type { CookieProblem } from '../messages';
import type { Cookie } from '../model/cookie';
import { likelyRefusal } from './check';
import { EditRefused } from './editor';
import { browserLabel } from './platform';
import { word } from './words';

/** The browser's own words, plus what our explainer says the cause most likely is. Never throws. */
export function withReason(error: unknown, cookie: Cookie): Error {
  if (error instanceof EditRefused) return error;
  const said = errorText(error);
  let likely: string | undefined;
  try {
    const refusal = likelyRefusal(cookie);
    likely = refusal && word(refusal);
  } catch {
    likely = undefined;
  }
  return new Error(
    likely && !said.includes(likely)
      ? word('bg_browser_refused_likely', browserLabel, said, likely)
      : word('bg_browser_refused', browserLabel, said),
  );
}

export function problem(cookie: Cookie, reason: string): CookieProblem {
  return { name: cookie.name, domain: cookie.domain, path: cookie.path, reason };
}
