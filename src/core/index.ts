/**
 * The public API of the pure cookie core: no browser API anywhere below this folder.
 * Heavy parts (the public suffix list via tldts, the Set-Cookie explainer) belong in the background
 * worker; pages import the small modules they need directly (formats, model).
 */
export { cookieKey } from '../model/cookie';
export type { Cookie, PartitionKey, SameSite } from '../model/cookie';
export { audit, gradeOf, penaltyOf, summarize } from './audit';
export type { Grade, SiteSummary } from './audit';
export { rules, ruleById, RULE_IDS } from './rules/index';
export type { Rule, RuleHit, RuleId, RuleInput, RuleSample } from './rules/index';
export { isAntiCsrf, isJwtShaped, isSessionLike, sessionFramework } from './session-like';
export { explainSetCookie, parseCookieDate, parseSetCookie, CookieJar } from './set-cookie/index';
export type { Explanation, ExplainOptions, ParsedSetCookie } from './set-cookie/index';
export { detectFormat, exportCookies, importCookies } from './formats/index';
export type { CookieFormat, ExportOptions, ImportError, ImportFormat, ImportResult } from './formats/index';
export { toSetCookie } from './to-set-cookie';
export type { AuditContext, BrowserName, Finding } from './types';
export type { Severity } from '../model/severity';
export type { HeaderNote, RejectReason, Verdict } from '../model/verdict';
