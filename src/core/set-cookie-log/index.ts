/**
 * The Set-Cookie log as pure logic, by concern: replaying the jar (replay-jar), making entries
 * (entries), attributing changes to headers and tabs (tab-attribution), the per-tab logs (tab-logs),
 * and the recorder that runs them on browser events (recorder). Uses the explainer (and so tldts):
 * import it from the background and tests only; pages import the entry types from
 * ../../model/setcookie-entry.ts.
 */
export type { CookieRef, FrameType, SetCookieEntry } from '../../model/set-cookie-entry';
export {
  ATTRIBUTE_KEPT,
  ATTRIBUTES_KEPT,
  cookieRef,
  explainResponse,
  HEADER_KEPT,
  kept,
  markBlocked,
  type NextId,
  type ResponseInfo,
  scriptEntry,
} from './entries';
export { LOG_BYTES, SAVE_AFTER_MS, SCRIPT_GRACE_MS, SetCookieRecorder, VERIFY_AFTER_MS } from './recorder';
export type { Clock, CookieEvent, RecorderPorts, ResponseEvent } from './recorder-ports';
export { applyToJar, type CookieChange, jarBefore } from './replay-jar';
export {
  claimEarlierChanges,
  HEADER_WINDOW_MS,
  matchPending,
  type PendingHeader,
  pendingFor,
  type TabView,
  tabsForCookie,
} from './tab-attribution';
export { jsonBytes, LOG_CAP, type LogState, SetCookieLog, TOTAL_CAP, type TabLog } from './tab-logs';
