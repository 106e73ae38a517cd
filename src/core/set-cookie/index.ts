/** The Set-Cookie explainer: parse a header, say what the browser does with it, replay headers in a jar. */
export { parseCookieDate } from './date';
export { MAX_LIFETIME_SECONDS } from './checks/index';
export type { ExplainOptions, Explanation } from './explain';
export { explainSetCookie } from './explain';
export type { RetrievalOptions } from './jar';
export { CookieJar, serializeCookies } from './jar';
export type { ParsedSameSite, ParsedSetCookie, ParseRejection, RawAttribute } from './parse';
export { MAX_ATTRIBUTE_VALUE_BYTES, MAX_NAME_VALUE_BYTES, parseSetCookie } from './parse';
export { defaultPath, pathMatches } from './path';
