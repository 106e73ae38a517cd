/**
 * Chrome's third-party cookie setting (`privacy.websites.thirdPartyCookiesAllowed`), so the Set-Cookie
 * log can predict a blocked third-party cookie instead of inferring it afterwards. Reading it needs the
 * optional `privacy` permission, which the user grants from the DevTools log view; until then, and in
 * Firefox (which has no such setting), the setting is unknown.
 */
import browser from 'webextension-polyfill';

interface ChromeSetting {
  get(details: object): Promise<{ value: unknown }>;
  onChange: { addListener(listener: (details: { value: unknown }) => void): void };
}

export const PRIVACY_PERMISSION: { permissions: ['privacy'] } = { permissions: ['privacy'] };

let blocked: boolean | undefined;
let listening = false;

/** Whether Chrome blocks third-party cookies; undefined when not known. */
export function thirdPartyCookiesBlocked(): boolean | undefined {
  return blocked;
}

function setting(): ChromeSetting | undefined {
  const privacy = (browser as unknown as { privacy?: { websites?: { thirdPartyCookiesAllowed?: ChromeSetting } } })
    .privacy;
  return privacy?.websites?.thirdPartyCookiesAllowed;
}

async function read(): Promise<void> {
  try {
    if (!(await browser.permissions.contains(PRIVACY_PERMISSION))) {
      blocked = undefined;
      return;
    }
    const s = setting();
    if (!s) return;
    blocked = (await s.get({})).value === false;
    if (!listening) {
      listening = true;
      s.onChange.addListener(({ value }) => {
        blocked = value === false;
      });
    }
  } catch (error) {
    blocked = undefined;
    console.warn('Cookie Lens: third-party cookie setting', error);
  }
}

/** Reads the setting now and again whenever the permission is granted or taken back. */
export function watchThirdPartySetting(): void {
  void read();
  browser.permissions.onAdded.addListener(() => void read());
  browser.permissions.onRemoved.addListener(() => void read());
}
