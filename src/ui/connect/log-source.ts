/** The DevTools panel's Set-Cookie log source (the popup does not load it). */
import type { SetCookieLogSource } from './connector';
import { onEvent, send } from './extension';

/** The Set-Cookie log of a tab, through the background. */
export function extensionLogSource(tabId: () => Promise<number>): SetCookieLogSource {
  let known: number | undefined;
  void tabId().then((id) => {
    known = id;
  });
  return {
    load: async () => send('setcookie/log', { tabId: await tabId() }),
    clear: async () => {
      await send('setcookie/clear', { tabId: await tabId() });
    },
    setPreserve: async (preserve) => {
      await send('setcookie/preserve', { tabId: await tabId(), preserve });
    },
    setRecording: async (recording) => {
      await send('setcookie/recording', { recording });
    },
    onChange: (listener) =>
      onEvent('setcookie-logged', listener, (event) => known === undefined || event.tabId === known),
  };
}
