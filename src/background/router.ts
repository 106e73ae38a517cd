/** Which messages the background answers, and how: the protocol's own names, from this extension's pages only. */
import type { Runtime } from 'webextension-polyfill';
import { errorText } from '../error-text';
import { isEnvelope, type Reply } from '../messages';
import type { Handlers } from './handlers';

/** Our own pages: this extension's id, and a URL under its origin (a content script has the page's URL). */
export function fromOwnPage(sender: Runtime.MessageSender, self: { id: string; origin: string }): boolean {
  return sender.id === self.id && typeof sender.url === 'string' && sender.url.startsWith(self.origin);
}

/**
 * The reply to a message, or undefined to leave it alone: a name the protocol does not own
 * (`toString`, `__proto__`), a message that is not an envelope, or a sender that is not our page.
 */
export function route(
  handlers: Handlers,
  message: unknown,
  sender: Runtime.MessageSender,
  self: { id: string; origin: string },
): Promise<Reply<unknown>> | undefined {
  if (!isEnvelope(message) || !Object.hasOwn(handlers, message.type) || !fromOwnPage(sender, self)) return undefined;
  const handler = handlers[message.type] as (request: unknown) => Promise<unknown>;
  return handler(message.payload).then(
    (value) => ({ ok: true, value }),
    (error: unknown) => ({ ok: false, error: errorText(error) }),
  );
}
