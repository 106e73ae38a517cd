/** The headers of a log that stored nothing: what the popup answers to "why is my cookie missing?". */
import type { NotStoredHeader } from '../../messages';
import type { SetCookieEntry } from '../../model/set-cookie-entry';

/** How many the popup is sent: enough to explain a page, small enough to send at every open. */
export const NOT_STORED_SENT = 20;

/** Refused headers and headers that expired on arrival, newest first, without their attributes and notes. */
export function notStored(entries: readonly SetCookieEntry[]): NotStoredHeader[] {
  const found: NotStoredHeader[] = [];
  for (let i = entries.length - 1; i >= 0 && found.length < NOT_STORED_SENT; i--) {
    const e = entries[i];
    if (e?.source !== 'header' || !(e.verdict === 'rejected' || (e.verdict === 'deleted' && e.onArrival))) continue;
    const { id, time, requestUrl, header, headerLength, name, verdict, reason, message, hint, onArrival } = e;
    found.push({
      id,
      time,
      requestUrl,
      header,
      name,
      verdict,
      message,
      ...(headerLength === undefined ? {} : { headerLength }),
      ...(reason ? { reason } : {}),
      ...(hint ? { hint } : {}),
      ...(onArrival ? { onArrival } : {}),
    });
  }
  return found;
}
