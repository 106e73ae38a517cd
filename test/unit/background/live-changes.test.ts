/**
 * Live-change announcements to open pages: coalesced, and held to a few while Cookie Lens changes
 * many cookies. The last part runs a whole-store delete and its Undo through the handlers against
 * the fake browser in its Firefox flavour, which reports every change on `cookies.onChanged`: the
 * pages must hear of it a few times, not once per cookie (each message made an open manager page
 * reload 3,300 cookies, and a delete of them took half an hour in Firefox).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser')).fake.browser }));

const { fake } = await import('./fake-browser');
fake.asFirefox();
const { BUSY_MS, SETTLE_MS, announceCookieChanges, liveChanges } = await import('../../../src/background/live-changes');
const { createHandlers } = await import('../../../src/background/handlers');
const { browserStore } = await import('../../../src/background/store');
const { fromBrowserCookie } = await import('../../../src/background/browser-cookie');
const { SetCookieLog } = await import('../../../src/core/set-cookie-log');

/** A clock that moves only when told, running the timers that fall due. */
class TestClock {
  time = 1_000_000;
  private timers = new Map<number, { at: number; run: () => void }>();
  private next = 1;
  now = () => this.time;
  setTimeout = (run: () => void, ms: number) => {
    const id = this.next++;
    this.timers.set(id, { at: this.time + ms, run });
    return id;
  };
  clearTimeout = (handle: unknown) => {
    this.timers.delete(handle as number);
  };
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const due = [...this.timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.time = due[1].at;
      due[1].run();
    }
    this.time = end;
  }
}

describe('liveChanges', () => {
  it('announces the first change at once and a burst once more after it settles', () => {
    const clock = new TestClock();
    const sent: number[] = [];
    const live = liveChanges(() => sent.push(clock.now()), clock);
    live.changed();
    expect(sent).toHaveLength(1);
    for (let i = 0; i < 50; i++) {
      live.changed();
      clock.advance(1);
    }
    expect(sent).toHaveLength(1);
    clock.advance(SETTLE_MS);
    expect(sent).toHaveLength(2);
    // Quiet since: nothing more, and the next change goes out at once.
    clock.advance(10 * SETTLE_MS);
    expect(sent).toHaveLength(2);
    live.changed();
    expect(sent).toHaveLength(3);
  });

  it('while a change runs, announces at most once every BUSY_MS, and once as soon as it is done', async () => {
    const clock = new TestClock();
    const sent: number[] = [];
    const live = liveChanges(() => sent.push(clock.now()), clock);
    let finish: () => void = () => {};
    const running = live.during(() => new Promise<void>((done) => (finish = done)));
    // 10,000 changes over 10 seconds.
    for (let i = 0; i < 10_000; i++) {
      live.changed();
      clock.advance(1);
    }
    expect(sent.length).toBeGreaterThanOrEqual(2);
    expect(sent.length).toBeLessThanOrEqual(1 + Math.ceil(10_000 / BUSY_MS));
    const gaps = sent.slice(1).map((at, i) => at - (sent[i] ?? 0));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(BUSY_MS);
    const before = sent.length;
    live.changed();
    finish();
    await running;
    expect(sent).toHaveLength(before + 1);
    // Done: the next burst is announced as quickly as before.
    clock.advance(SETTLE_MS);
    live.changed();
    expect(sent).toHaveLength(before + 2);
  });

  it('a change that fails still announces what it did', async () => {
    const clock = new TestClock();
    let sent = 0;
    const live = liveChanges(() => sent++, clock);
    await expect(
      live.during(async () => {
        live.changed();
        live.changed();
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(sent).toBe(2);
  });
});

describe('a whole-store delete in Firefox', () => {
  beforeEach(() => fake.reset());

  const SITES = 30;
  const PER_SITE = 20;
  const FUTURE = Math.floor(Date.now() / 1000) + 30 * 86_400;

  function seed(sites: number): void {
    for (let i = 0; i < sites; i++) {
      for (let j = 0; j < PER_SITE; j++) {
        const host = `site${i}-x.test`;
        fake.add({
          name: `c${j}`,
          value: `v${i}-${j}`,
          domain: j % 6 === 1 ? `.${host}` : host,
          path: j % 5 === 0 ? '/p' : '/',
          secure: j % 3 !== 0,
          httpOnly: j % 2 === 0,
          sameSite: j % 3 === 0 ? 'lax' : j % 3 === 1 ? 'strict' : 'no_restriction',
          ...(j % 4 === 0 ? {} : { session: false, expirationDate: FUTURE + j }),
          storeId: 'firefox-default',
        });
      }
    }
  }

  /** The background as index.ts wires it, with each cookie change taking 5 ms of the test clock. */
  function background() {
    const clock = new TestClock();
    fake.browser.cookies.onChanged.addListener(() => clock.advance(5));
    let sent = 0;
    const live = announceCookieChanges(() => sent++, clock);
    const log = new SetCookieLog();
    const handlers = createHandlers({
      store: browserStore(),
      broadcast: live.changed,
      changing: live.during,
      log: {
        withLog: async (read) => read(log),
        changed: () => {},
        framesNow: (tabId) => log.frames(tabId),
        status: () => ({ recording: true, dropped: 0 }),
        setRecording: async () => {},
      },
    });
    return { handlers, sent: () => sent, stop: live.stop, clock };
  }

  /** Deletes every cookie as the manager's Select all and Delete selected do, then Undoes it. */
  async function deleteAllAndUndo(sites: number) {
    seed(sites);
    const seeded = fake.cookies();
    const { handlers, sent, stop, clock } = background();
    const writes = fake.storageWrites;
    const start = clock.now();
    const cookies = seeded.map(fromBrowserCookie);
    const outcome = await handlers['cookies/delete']({ cookies, label: `Deleted ${cookies.length} cookies` });
    // The last events come just after the change's last call.
    await Promise.resolve();
    clock.advance(SETTLE_MS);
    expect(outcome.removed).toBe(cookies.length);
    expect(fake.cookies()).toEqual([]);
    const deleted = { messages: sent(), storageWrites: fake.storageWrites - writes, ms: clock.now() - start };
    const undone = await handlers['journal/undo']({ storeId: 'firefox-default' });
    await Promise.resolve();
    clock.advance(SETTLE_MS);
    expect(undone.undone).toBe(`Deleted ${cookies.length} cookies`);
    expect(undone.problems).toEqual([]);
    expect(fake.cookies().sort((a, b) => a.name.localeCompare(b.name) || a.domain.localeCompare(b.domain))).toEqual(
      seeded.sort((a, b) => a.name.localeCompare(b.name) || a.domain.localeCompare(b.domain)),
    );
    stop();
    return { deleted, undoMessages: sent() - deleted.messages };
  }

  it('tells open pages a few times, and writes storage a few times, however many cookies go', async () => {
    const small = await deleteAllAndUndo(3);
    fake.reset();
    const large = await deleteAllAndUndo(SITES);
    // 600 removals over 3 seconds of the test clock: one message at the start, one every BUSY_MS, one at the end.
    expect(large.deleted.ms).toBeGreaterThanOrEqual(600 * 5);
    expect(large.deleted.messages).toBeLessThanOrEqual(2 + Math.ceil(large.deleted.ms / BUSY_MS));
    expect(large.undoMessages).toBeLessThanOrEqual(2 + Math.ceil(large.deleted.ms / BUSY_MS));
    // The undo journal is written when the change begins and when it ends, not per cookie.
    expect(large.deleted.storageWrites).toBe(small.deleted.storageWrites);
    expect(large.deleted.storageWrites).toBeLessThanOrEqual(2);
  });
});
