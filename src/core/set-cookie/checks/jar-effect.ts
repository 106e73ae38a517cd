/** What the cookie would do to the cookies already there: http may not shadow Secure, scripts may not touch HttpOnly. */
import { bareDomain } from '../../../model/cookie';
import { domainMatches } from '../../site';
import { pathMatches } from '../path';
import { rejected } from '../wording';
import type { Check } from './context';

export const jarEffect: Check = ({ parsed, secureOrigin, fromScript, jar, draft, who }) => {
  const { cookie, existing } = draft;
  if (!parsed.secure && !secureOrigin) {
    const bare = bareDomain(cookie);
    const shadowed = jar.find((c) => {
      const other = bareDomain(c);
      return (
        c.secure &&
        c.name === cookie.name &&
        (domainMatches(other, bare) || domainMatches(bare, other)) &&
        pathMatches(cookie.path, c.path)
      );
    });
    if (shadowed) return rejected('overwrite-secure', who, shadowed);
  }
  if (existing && fromScript && existing.httpOnly) return rejected('overwrite-httponly', who);
  return undefined;
};
