/**
 * The one message protocol between the pages (popup, DevTools panel) and the background worker.
 * Each message name maps to its request and response type; the sender (`src/ui/connect/extension.ts`)
 * and the handlers (`src/background/handlers.ts`) are both typed from this map, so a mismatch is a
 * compile error rather than a silently lost payload.
 */
import type { Cookie } from './model/cookie';

export interface TabInfo {
  tabId: number;
  url: string;
  storeId: string;
  incognito: boolean;
}

export interface TabCookies {
  tab: TabInfo;
  cookies: Cookie[];
}

export interface Protocol {
  /** The cookies that apply to a tab's page, in the tab's own cookie store, partitioned ones included. */
  'cookies/for-tab': { request: { tabId: number }; response: TabCookies };
}

export type MessageName = keyof Protocol;
export type RequestOf<N extends MessageName> = Protocol[N]['request'];
export type ResponseOf<N extends MessageName> = Protocol[N]['response'];

export interface Envelope<N extends MessageName = MessageName> {
  type: N;
  payload: RequestOf<N>;
}

/**
 * What travels back. Errors are data, not rejections, so the browser's own reason (for example why
 * it refused a cookie) reaches the user word for word.
 */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

export function isEnvelope(message: unknown): message is Envelope {
  return (
    typeof message === 'object' &&
    message !== null &&
    typeof (message as { type?: unknown }).type === 'string' &&
    'payload' in message
  );
}
