/** Message handlers, typed by the protocol: one function per message name. */
import type { MessageName, RequestOf, ResponseOf } from '../messages';
import { tabCookies } from './tab-cookies';

type Handlers = { [N in MessageName]: (request: RequestOf<N>) => Promise<ResponseOf<N>> };

export const handlers: Handlers = {
  'cookies/for-tab': ({ tabId }) => tabCookies(tabId),
};
