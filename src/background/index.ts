/** Background entry: wires the message handlers and nothing else. */
import browser from 'webextension-polyfill';
import { isEnvelope, type MessageName, type Reply } from '../messages';
import { handlers } from './handlers';

browser.runtime.onMessage.addListener((message: unknown): Promise<Reply<unknown>> | undefined => {
  if (!isEnvelope(message) || !(message.type in handlers)) return undefined;
  const handler = handlers[message.type as MessageName] as (request: unknown) => Promise<unknown>;
  return handler(message.payload).then(
    (value) => ({ ok: true, value }),
    (error: unknown) => ({ ok: false, error: error instanceof Error ? error.message : String(error) }),
  );
});
