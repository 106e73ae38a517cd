/**
 * Tells open pages (popup, side panel, DevTools panel, manager) that cookies changed, so they reload
 * what they show. Coalesced: one message stands for every change since the last one.
 *
 * - Outside Cookie Lens's own changes, the first change is announced at once and a burst (a site
 *   setting many cookies) at most once every SETTLE_MS.
 * - While Cookie Lens makes a change (`during`: a bulk delete, a restore, an import, an Undo), at
 *   most once every BUSY_MS, and once more as soon as it is done. A change to thousands of cookies
 *   fires thousands of cookie events; each message made every open manager page reload the whole
 *   store, back to back (in Firefox, where the background shares one process with its pages, a
 *   reload takes the process half a second or more at 3,300 cookies, more in a visible page), so
 *   announcing them as they came slowed a delete of 3,300 cookies in Firefox from about 15 seconds
 *   to 40 minutes (1.4 cookies a second) while another manager page was in view. One message every
 *   5 seconds costs such a page's reloads a few seconds in all; every 3 seconds cost twice that.
 */
import type { Clock } from '../core/set-cookie-log/recorder-ports';
import { onCookieChanged } from './platform';

/** Outside a change Cookie Lens makes: at most one message this often. */
export const SETTLE_MS = 100;
/** While Cookie Lens makes a change: at most one message this often (the pages show progress). */
export const BUSY_MS = 5_000;

export interface LiveChanges {
  /** Something the pages show changed (a cookie, the protection rules). */
  changed(): void;
  /** Runs one of Cookie Lens's own changes with announcements held to one every BUSY_MS, and one at its end. */
  during<T>(work: () => Promise<T>): Promise<T>;
}

const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Announces through `send`, coalesced as described above. */
export function liveChanges(send: () => void, clock: Clock = realClock): LiveChanges {
  let running = 0;
  let lastSent = Number.NEGATIVE_INFINITY;
  let due = false;
  let timer: unknown;
  const flush = () => {
    timer = undefined;
    if (!due) return;
    due = false;
    lastSent = clock.now();
    send();
  };
  const changed = () => {
    due = true;
    if (timer !== undefined) return;
    const wait = lastSent + (running > 0 ? BUSY_MS : SETTLE_MS) - clock.now();
    if (wait <= 0) flush();
    else timer = clock.setTimeout(flush, wait);
  };
  return {
    changed,
    async during(work) {
      running++;
      try {
        return await work();
      } finally {
        running--;
        if (running === 0 && due) {
          clock.clearTimeout(timer);
          flush();
        }
      }
    },
  };
}

/** `liveChanges` fed by every cookie change the browser reports (until `stop`). */
export function announceCookieChanges(send: () => void, clock?: Clock): LiveChanges & { stop(): void } {
  const live = liveChanges(send, clock);
  const stop = onCookieChanged(() => live.changed());
  return { ...live, stop };
}
