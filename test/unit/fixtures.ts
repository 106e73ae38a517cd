/** Test data shared by the unit tests. */
import type { Cookie } from '../../src/model/cookie';

/**
 * A plain cookie (host-only on localhost, session, no flags) with the given fields changed; a domain
 * with a leading dot makes a domain cookie unless `hostOnly` is given.
 */
export function makeCookie(fields: Partial<Cookie> = {}): Cookie {
  const domain = fields.domain ?? 'localhost';
  return {
    name: 'c',
    value: 'v',
    domain,
    hostOnly: !domain.startsWith('.'),
    path: '/',
    secure: false,
    httpOnly: false,
    sameSite: 'unspecified',
    session: true,
    storeId: '0',
    ...fields,
  };
}
