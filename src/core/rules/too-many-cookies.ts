import { msg } from '../../i18n/msg';
import { bareDomain, type Cookie } from '../../model/cookie';
import { registrableDomain } from '../site';
import { quote, REF, type Rule, sampleCookie } from './rule';

export const MAX_COOKIES_PER_DOMAIN = 50;

/** Browsers count per registrable domain, per cookie store and per partition. */
function groupOf(cookie: Cookie): string {
  return JSON.stringify([
    cookie.storeId,
    cookie.partitionKey?.topLevelSite ?? '',
    registrableDomain(bareDomain(cookie)),
  ]);
}

/** The cookies of each group, in list order; computed once per list (audit() passes the same list to every call). */
const groupCache = new WeakMap<readonly Cookie[], Map<string, Cookie[]>>();
function groupsOf(all: readonly Cookie[]): Map<string, Cookie[]> {
  let groups = groupCache.get(all);
  if (!groups) {
    groups = new Map();
    for (const c of all) {
      const key = groupOf(c);
      const list = groups.get(key);
      if (list) list.push(c);
      else groups.set(key, [c]);
    }
    groupCache.set(all, groups);
  }
  return groups;
}

/**
 * More than 50 cookies on one site. Reported once per site, on the first of its cookies in the list, so the
 * finding is not repeated on every cookie.
 */
export const rule: Rule = {
  id: 'too-many-cookies',
  title: msg('r_too_many_cookies_title', MAX_COOKIES_PER_DOMAIN),
  severities: ['info'],
  explanation: msg('r_too_many_cookies_expl'),
  fix: msg('r_too_many_cookies_fix'),
  reference: REF.rfc('6.1'),
  check({ cookie, all }) {
    const same = groupsOf(all).get(groupOf(cookie)) ?? [];
    if (same.length <= MAX_COOKIES_PER_DOMAIN || same[0] !== cookie) return null;
    return {
      severity: 'info',
      explanation: msg('r_too_many_cookies_expl_hit', same.length, quote(registrableDomain(bareDomain(cookie)), 60)),
    };
  },
  samples: {
    triggers: (() => {
      const all = Array.from({ length: 51 }, (_, i) => sampleCookie({ name: `c${i}` }));
      return { cookie: all[0]!, all };
    })(),
    passes: (() => {
      const all = Array.from({ length: 50 }, (_, i) => sampleCookie({ name: `c${i}` }));
      return { cookie: all[0]!, all };
    })(),
  },
};
