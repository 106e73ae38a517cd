import { describe, expect, it } from 'vitest';
import {
  type Clock,
  HEADER_KEPT,
  LOG_BYTES,
  type LogState,
  type RecorderPorts,
  type ResponseEvent,
  SCRIPT_GRACE_MS,
  SetCookieRecorder,
  VERIFY_AFTER_MS,
} from '../../../../src/core/set-cookie-log';
import type { Cookie } from '../../../../src/model/cookie';
import { cutMark } from '../../../../src/ui/set-cookie-filter';
import { makeCookie } from '../../fixtures';

const NOW = Date.UTC(2026, 10, 29, 12);

/** A clock the test moves by hand; timers run in order, each followed by the work it queued. */
class ManualClock implements Clock {
  time = NOW;
  private timers: Array<{ at: number; run: () => void; id: number }> = [];
  private next = 0;
  now = () => this.time;
  setTimeout = (run: () => void, ms: number) => {
    const id = ++this.next;
    this.timers.push({ at: this.time + ms, run, id });
    return id;
  };
  clearTimeout = (id: unknown) => {
    this.timers = this.timers.filter((t) => t.id !== id);
  };
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      await settle();
      const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.time = due.at;
      due.run();
    }
    this.time = end;
    await settle();
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function harness(
  options: {
    browser?: 'chrome' | 'firefox';
    saved?: unknown;
    tabs?: Array<{ tabId: number; url: string }>;
    saveFails?: boolean;
    recording?: boolean;
    thirdPartyCookiesBlocked?: boolean | undefined;
  } = {},
) {
  const clock = new ManualClock();
  const jar: Cookie[] = [];
  const saves: LogState[] = [];
  const notified: number[] = [];
  const ports: RecorderPorts = {
    clock,
    browser: options.browser ?? 'chrome',
    // Read after the first events arrive (the constructor's read is asynchronous), as in a worker woken by one.
    loadRecording: async () => options.recording ?? true,
    load: async () => options.saved,
    save: async (state) => {
      if (options.saveFails) throw new Error('QUOTA_BYTES quota exceeded');
      saves.push(structuredClone(state));
    },
    readJar: async () => [...jar],
    storeOfTab: async () => '0',
    urlOfTab: async () => '',
    openTabs: async () => options.tabs ?? [{ tabId: 1, url: 'http://[::1]:8600/' }],
    notify: (tabId) => notified.push(tabId),
    warn: (error) => {
      throw error;
    },
    isPrivateStore: (storeId) => storeId === '1',
    thirdPartyCookiesBlocked: () => options.thirdPartyCookiesBlocked,
  };
  const recorder = new SetCookieRecorder(ports);
  const entries = (tabId = 1) => recorder.withLog((log) => log.entries(tabId));
  /** The browser stores a cookie and reports it. */
  const store = (cookie: Cookie) => {
    jar.push(cookie);
    recorder.cookieChanged({ cookie, removed: false, cause: 'explicit' });
  };
  return { clock, jar, saves, notified, recorder, entries, store };
}

const response = (url: string, headers: string[], extra: Partial<ResponseEvent> = {}): ResponseEvent => ({
  tabId: 1,
  url,
  requestId: 'r1',
  frameType: 'main_frame',
  status: 200,
  headers,
  ...extra,
});

describe('SetCookieRecorder', () => {
  it('matches a header from an IPv6 host to the cookie Chrome stores as [::1], not to a script', async () => {
    const h = harness();
    h.recorder.responseReceived(response('http://[::1]:8600/login', ['sid=abc; Path=/']));
    h.store(makeCookie({ name: 'sid', value: 'abc', domain: '[::1]' }));
    await h.clock.advance(SCRIPT_GRACE_MS + VERIFY_AFTER_MS + 100);
    const entries = await h.entries();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ source: 'header', name: 'sid', verdict: 'stored', confirmed: true });
  });

  it('lets a header claim the cookie Firefox reported before it, on an IPv6 host too', async () => {
    const h = harness({ browser: 'firefox' });
    h.store(makeCookie({ name: 'sid', value: 'abc', domain: '::1' }));
    h.recorder.responseReceived(response('http://[::1]:8600/login', ['sid=abc; Path=/']));
    await h.clock.advance(SCRIPT_GRACE_MS + VERIFY_AFTER_MS + 100);
    const entries = await h.entries();
    expect(entries.map((e) => [e.source, e.verdict, e.confirmed])).toEqual([['header', 'stored', true]]);
  });

  it('logs a cookie that came without a header as set by script, after the grace period', async () => {
    const h = harness({ tabs: [{ tabId: 1, url: 'http://localhost:8600/page' }] });
    h.recorder.responseReceived(response('http://localhost:8600/page', []));
    h.store(makeCookie({ name: 'js_theme', domain: 'localhost' }));
    await h.clock.advance(SCRIPT_GRACE_MS - 1);
    expect(await h.entries()).toEqual([]);
    await h.clock.advance(1);
    const [entry] = await h.entries();
    expect(entry).toMatchObject({ source: 'script', name: 'js_theme', verdict: 'stored' });
  });

  it("does not log Cookie Lens's own writes as set by script", async () => {
    const h = harness({ tabs: [{ tabId: 1, url: 'http://localhost:8600/page' }] });
    h.recorder.expectOwnWrite({ name: 'edited', domain: 'localhost' });
    h.store(makeCookie({ name: 'edited', domain: 'localhost' }));
    await h.clock.advance(SCRIPT_GRACE_MS * 2);
    expect(await h.entries()).toEqual([]);
  });

  it('marks a valid header the browser never stored as blocked, once the wait is over', async () => {
    const h = harness();
    h.recorder.responseReceived(response('http://localhost:8600/', ['kept=1', 'blocked=1']));
    h.store(makeCookie({ name: 'kept', domain: 'localhost' }));
    await h.clock.advance(VERIFY_AFTER_MS - 10);
    expect((await h.entries()).map((e) => e.verdict)).toEqual(['stored', 'stored']);
    await h.clock.advance(20);
    const entries = await h.entries();
    expect(entries.map((e) => [e.name, e.verdict, e.reason])).toEqual([
      ['kept', 'stored', undefined],
      ['blocked', 'rejected', 'blocked-by-browser'],
    ]);
  });

  it('predicts a blocked third-party cookie when the browser says it blocks them, and not otherwise', async () => {
    for (const blocked of [true, false, undefined]) {
      const h = harness({ thirdPartyCookiesBlocked: blocked, tabs: [{ tabId: 1, url: 'https://news.test/' }] });
      h.recorder.responseReceived(response('https://news.test/', []));
      h.recorder.responseReceived(
        response('https://widgets.example/frame', ['w=1; Secure; SameSite=None'], { frameType: 'sub_frame', requestId: 'r2' }),
      );
      const [entry] = await h.entries();
      expect([entry?.verdict, entry?.reason], String(blocked)).toEqual(
        blocked ? ['rejected', 'third-party-blocked'] : ['stored', undefined],
      );
    }
  });

  it('explains a header against the jar as it was before its own cookie landed', async () => {
    const h = harness();
    h.jar.push(makeCookie({ name: 'theme', value: 'light', domain: 'localhost' }));
    h.recorder.responseReceived(response('http://localhost:8600/', ['theme=dark', 'fresh=1']));
    const [theme, fresh] = await h.entries();
    expect(theme?.verdict).toBe('replaced');
    expect(fresh?.verdict).toBe('stored');
  });

  it('saves the log once after a burst of changes, and a new recorder starts from what was saved', async () => {
    const h = harness();
    h.recorder.responseReceived(response('http://localhost:8600/', ['a=1']));
    h.recorder.responseReceived(response('http://localhost:8600/', ['b=1'], { requestId: 'r1', frameType: 'other' }));
    await h.clock.advance(350);
    expect(h.saves).toHaveLength(1);
    const again = harness({ saved: h.saves[0] });
    expect((await again.entries()).map((e) => e.name)).toEqual(['a', 'b']);
  });

  it('clears the log on a new navigation, keeps it over a redirect hop, and drops it with the tab', async () => {
    const h = harness();
    h.recorder.responseReceived(response('http://localhost:8600/a', ['a=1'], { status: 302 }));
    h.recorder.responseReceived(response('http://localhost:8600/b', ['b=1']));
    expect((await h.entries()).map((e) => e.name)).toEqual(['a', 'b']);
    h.recorder.responseReceived(response('http://localhost:8600/c', ['c=1'], { requestId: 'r2' }));
    expect((await h.entries()).map((e) => e.name)).toEqual(['c']);
    h.recorder.tabRemoved(1);
    expect(await h.entries()).toEqual([]);
    expect(h.notified.at(-1)).toBe(1);
  });
});

describe('what the recorder keeps, and where', () => {
  it("keeps a private window's log in memory only, and forgets it when the private session ends", async () => {
    const h = harness();
    h.recorder.responseReceived(response('http://localhost:8600/', ['normal=1']));
    h.recorder.responseReceived(response('http://localhost:8600/', ['secret=1'], { tabId: 2, storeId: '1' }));
    await h.clock.advance(350);
    expect(Object.keys(h.saves.at(-1)?.tabs ?? {})).toEqual(['1']);
    expect((await h.entries(2)).map((e) => e.name)).toEqual(['secret']);
    h.recorder.forgetPrivate();
    expect(await h.entries(2)).toEqual([]);
    expect((await h.entries(1)).map((e) => e.name)).toEqual(['normal']);
  });

  it("keeps a private tab's page and frames out of storage even when it received no Set-Cookie header", async () => {
    const h = harness();
    h.recorder.responseReceived(response('https://private.example/', [], { tabId: 2, storeId: '1' }));
    h.recorder.responseReceived(
      response('https://frame.example/embed?user=alice', [], { tabId: 2, storeId: '1', frameType: 'sub_frame' }),
    );
    h.recorder.responseReceived(response('http://localhost:8600/', ['a=1']));
    await h.recorder.withLog(() => undefined);
    await h.clock.advance(350);
    expect(JSON.stringify(h.saves.at(-1))).not.toContain('alice');
    expect(Object.keys(h.saves.at(-1)?.tabs ?? {})).toEqual(['1']);
    expect(await h.recorder.withLog((log) => log.frames(2))).toEqual(['https://frame.example/embed?user=alice']);
  });

  it('records nothing when the kept setting says off, not even the event that woke the worker', async () => {
    const h = harness({ recording: false, tabs: [{ tabId: 1, url: 'http://localhost:8600/' }] });
    h.recorder.responseReceived(response('http://localhost:8600/', ['woke=1']));
    h.store(makeCookie({ name: 'js', domain: 'localhost' }));
    await h.clock.advance(SCRIPT_GRACE_MS * 2);
    expect(await h.entries()).toEqual([]);
    expect(h.recorder.status()).toEqual({ recording: false, dropped: 0 });
  });

  it('records nothing while recording is off', async () => {
    const h = harness({ tabs: [{ tabId: 1, url: 'http://localhost:8600/' }] });
    await h.entries();
    h.recorder.setRecording(false);
    h.recorder.responseReceived(response('http://localhost:8600/', ['a=1']));
    h.store(makeCookie({ name: 'js', domain: 'localhost' }));
    await h.clock.advance(SCRIPT_GRACE_MS * 2);
    expect(await h.entries()).toEqual([]);
    expect(h.recorder.status()).toEqual({ recording: false, dropped: 0 });
  });

  it('cuts a 240 KB header with 80,000 attributes to a small entry with a visible mark', async () => {
    const h = harness();
    const header = `big=1${'; a'.repeat(80_000)}`;
    h.recorder.responseReceived(response('http://localhost:8600/', [header]));
    const [entry] = await h.entries();
    expect(entry?.header.length).toBeLessThan(HEADER_KEPT + 100);
    expect(entry?.header.endsWith('…')).toBe(true);
    expect(entry?.headerLength).toBe(header.length);
    // The page marks the cut with the header's length (in English here).
    expect(`${entry?.header}${cutMark(entry?.headerLength)}`).toContain(
      `… [cut: ${header.length.toLocaleString('en')} characters in all]`,
    );
    expect(entry?.attributes.length).toBe(64);
    expect(entry?.notes.map((n) => n.id)).toContain('attributes-cut');
    expect(JSON.stringify(entry).length).toBeLessThan(100_000);
  });

  it('keeps the saved log within its byte budget, dropping the oldest entries and counting them', async () => {
    const h = harness();
    const value = 'v'.repeat(4000);
    for (let i = 0; i < 1_200; i++) {
      h.recorder.responseReceived(
        response('http://localhost:8600/', [`c${i}=${value}`], { tabId: (i % 4) + 1, frameType: 'other' }),
      );
    }
    await h.clock.advance(350);
    const saved = h.saves.at(-1);
    expect(new TextEncoder().encode(JSON.stringify(saved)).length).toBeLessThanOrEqual(LOG_BYTES);
    expect(h.recorder.status().dropped).toBeGreaterThan(0);
    expect(saved?.dropped).toBe(h.recorder.status().dropped);
  });

  it('reports a failed save instead of swallowing it', async () => {
    const h = harness({ saveFails: true });
    h.recorder.responseReceived(response('http://localhost:8600/', ['a=1']));
    await h.clock.advance(350);
    expect(h.recorder.status()).toEqual({ recording: true, dropped: 0, saveError: 'QUOTA_BYTES quota exceeded' });
  });
});
