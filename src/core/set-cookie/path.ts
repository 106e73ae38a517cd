/** Cookie paths: the default-path and path-match algorithms of RFC 6265bis §5.1.4. */

/**
 * The default-path of a request path (the URL's pathname, no query): everything up to, not including,
 * the right-most `/`, or `/` when the path is empty, relative, or has only one `/`.
 */
export function defaultPath(uriPath: string): string {
  if (!uriPath.startsWith('/')) return '/';
  const last = uriPath.lastIndexOf('/');
  if (last === 0) return '/';
  return uriPath.slice(0, last);
}

/** True when a request path path-matches a cookie path (identical, or a prefix ending at a `/`). */
export function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || requestPath.charAt(cookiePath.length) === '/';
}
