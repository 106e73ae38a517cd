import { describe, expect, it } from 'vitest';
import { cookiesForFrame, thirdPartySites } from '../../../../src/core/page-cookies';
import {
  applyToJar,
  type CookieChange,
  claimEarlierChanges,
  explainResponse,
  jarBefore,
  LOG_CAP,
  markBlocked,
  matchPending,
  pendingFor,
  type ResponseInfo,
  SetCookieLog,
  scriptEntry,
  tabsForCookie,
} from '../../../../src/core/set-cookie-log';
import { explainSetCookie } from '../../../../src/core/set-cookie';
import { type Cookie, cookieKey } from '../../../../src/model/cookie';
import type { SetCookieEntry } from '../../../../src/model/set-cookie-entry';
import { makeCookie } from '../../fixtures';
import { en, enDeep } from '../../en';
import { msg } from '../../../../src/i18n/msg';

const NOW = Date.UTC(2026, 10, 26, 12);

const cookie = (name: string, extra: Partial<Cookie> = {}): Cookie => makeCookie({ name, sameSite: 'lax', ...extra });

const info = (extra: Partial<ResponseInfo> = {}): ResponseInfo => ({
  tabId: 7,
  requestUrl: 'http://localhost:8600/setcookie',
  status: 200,
  frameType: 'main_frame',
  time: NOW,
  topLevelUrl: 'http://localhost:8600/setcookie',
  browser: 'chrome',
  storeId: '0',
  ...extra,
});

function counter() {
  let n = 1;
  return () => n++;
}

const entry = (id: number, extra: Partial<SetCookieEntry> = {}): SetCookieEntry => ({
  id,
  tabId: 7,
  time: NOW,
  source: 'header',
  requestUrl: 'http://localhost/',
  status: 200,
  frameType: 'main_frame',
  header: `c${id}=1`,
  name: `c${id}`,
  verdict: 'stored',
  message: msg('text', ''),
  notes: [],
  attributes: [],
  ...extra,
});

describe('explainResponse', () => {
  it("explains the Flask tutorial's header as deleted on arrival, with the Max-Age hint and the raw header", () => {
    const header = 'username=JohnDoe; Expires=Thu, 01 Jan 1970 01:00:00 GMT; Path=/';
    const [e] = explainResponse([header], info(), [], counter());
    expect(e).toMatchObject({
      id: 1,
      tabId: 7,
      source: 'header',
      header,
      name: 'username',
      verdict: 'deleted',
      status: 200,
    });
    expect(enDeep(e?.message)).toContain('1970-01-01 01:00:00 UTC) is in the past');
    expect(enDeep(e?.hint)).toContain('Max-Age=3600');
    expect(e?.notes.map((n) => n.id)).toEqual(expect.arrayContaining(['expires-in-past', 'expires-near-epoch']));
    expect(e?.attributes).toEqual([
      { name: 'Expires', value: 'Thu, 01 Jan 1970 01:00:00 GMT', effective: true },
      { name: 'Path', value: '/', effective: true },
    ]);
    expect(e?.reason).toBeUndefined();
  });

  it('explains each header against the jar the previous headers of the response left', () => {
    const entries = explainResponse(
      ['color=red; Secure; SameSite=Lax; Path=/', 'color=blue; Secure; SameSite=Strict; Path=/'],
      info({ requestUrl: 'https://localhost/overwrite', topLevelUrl: 'https://localhost/overwrite' }),
      [],
      counter(),
    );
    expect(entries.map((e) => e.verdict)).toEqual(['stored', 'replaced']);
    expect(entries.map((e) => e.id)).toEqual([1, 2]);
    expect(entries[1]?.cookie?.key).toBe(entries[0]?.cookie?.key);
  });

  it('says replaced or deleted when the jar already holds the cookie', () => {
    const existing = cookie('doomed', { secure: true });
    const [replaced] = explainResponse(
      ['doomed=2; Secure; Path=/'],
      info({ requestUrl: 'https://localhost/' }),
      [existing],
      counter(),
    );
    expect(replaced?.verdict).toBe('replaced');
    const [deleted] = explainResponse(
      ['doomed=; Max-Age=0; Secure; Path=/'],
      info({ requestUrl: 'https://localhost/' }),
      [existing],
      counter(),
    );
    expect(deleted?.verdict).toBe('deleted');
    expect(enDeep(deleted?.message)).toContain('deletes the existing cookie');
  });

  it('keeps the status of a redirect hop and rejects with a reason', () => {
    const [e] = explainResponse(
      ['sid=1; Secure; HttpOnly; Path=/'],
      info({ requestUrl: 'http://site.cookielens.test/start', status: 302 }),
      [],
      counter(),
    );
    expect(e).toMatchObject({ status: 302, verdict: 'rejected', reason: 'secure-from-insecure-origin' });
    expect(e?.cookie).toBeUndefined();
  });

  it("judges a frame's header against the tab's top-level site, and a page's against itself", () => {
    const frame = info({
      requestUrl: 'https://127.0.0.1/frame',
      frameType: 'sub_frame',
      topLevelUrl: 'https://localhost/page',
    });
    const [lax] = explainResponse(['tp_lax=1; Secure; SameSite=Lax; Path=/'], frame, [], counter());
    expect(lax).toMatchObject({ verdict: 'rejected', reason: 'samesite-cross-site', frameType: 'sub_frame' });
    // A main_frame response is its own top level, whatever the tab showed before.
    const page = info({ requestUrl: 'https://127.0.0.1/', topLevelUrl: 'https://localhost/old' });
    const [own] = explainResponse(['tp_lax=1; Secure; SameSite=Lax; Path=/'], page, [], counter());
    expect(own?.verdict).toBe('stored');
  });

  it('keeps header notes such as an invalid SameSite and a capped lifetime', () => {
    const [e] = explainResponse(['pref=1; SameSite=Laxx; Max-Age=99999999; Path=/'], info(), [], counter());
    expect(e?.notes.map((n) => n.id)).toEqual(expect.arrayContaining(['lifetime-capped']));
    expect(e?.notes.some((n) => /samesite/i.test(n.id))).toBe(true);
  });
});

describe('the jar as it was', () => {
  const change = (seq: number, removed: boolean, c: Cookie, cause = 'explicit'): CookieChange => ({
    seq,
    time: NOW,
    removed,
    cause,
    cookie: c,
  });

  it('rolls back the changes that arrived from the given change on, oldest state winning', () => {
    const old = cookie('a', { value: 'old' });
    const fresh = cookie('a', { value: 'new' });
    const added = cookie('b');
    const current = [fresh, added, cookie('kept')];
    const changes = [
      change(1, false, cookie('kept')),
      change(5, true, old, 'overwrite'),
      change(6, false, fresh),
      change(7, false, added),
    ];
    const before = jarBefore(current, changes, 5);
    expect(before.map((c) => `${c.name}=${c.value}`).sort()).toEqual(['a=old', 'kept=v']);
  });

  it('is idempotent when the read already missed the later changes', () => {
    const current = [cookie('kept')];
    expect(
      jarBefore(current, [{ seq: 3, time: NOW, removed: false, cause: 'explicit', cookie: cookie('late') }], 2),
    ).toEqual(current);
  });

  it('applies a verdict: stored adds, replaced swaps, deleted removes, rejected changes nothing', () => {
    const url = 'https://localhost/';
    let jar: Cookie[] = [];
    jar = applyToJar(jar, explainSetCookie('a=1; Secure; Path=/', url, { now: NOW, jar }));
    expect(jar.map((c) => c.value)).toEqual(['1']);
    jar = applyToJar(jar, explainSetCookie('a=2; Secure; Path=/', url, { now: NOW, jar }));
    expect(jar.map((c) => c.value)).toEqual(['2']);
    jar = applyToJar(jar, explainSetCookie('a=; Max-Age=0; Secure; Path=/', url, { now: NOW, jar }));
    expect(jar).toEqual([]);
    expect(applyToJar(jar, explainSetCookie('=; Path=/', url, { now: NOW, jar }))).toEqual([]);
  });
});

describe('header or script', () => {
  it('knows at once which cookie each header touches', () => {
    const pending = pendingFor(['a=1; Domain=site.example', 'b=2'], 'https://www.site.example/x', 3, NOW);
    expect(pending).toEqual([
      { tabId: 3, name: 'a', domain: 'site.example', time: NOW },
      { tabId: 3, name: 'b', domain: 'www.site.example', time: NOW },
    ]);
  });

  it('matches a cookie change to a recent header of the same name and domain only', () => {
    const pending = pendingFor(['a=1; Domain=site.example'], 'https://www.site.example/', 3, NOW);
    const domainCookie = cookie('a', { domain: '.site.example', hostOnly: false });
    expect(matchPending(pending, domainCookie, NOW + 100)).toBe(pending[0]);
    expect(matchPending(pending, domainCookie, NOW + 5_000)).toBeUndefined();
    expect(matchPending(pending, cookie('a', { domain: 'other.example' }), NOW + 100)).toBeUndefined();
    expect(matchPending(pending, cookie('b', { domain: '.site.example' }), NOW + 100)).toBeUndefined();
  });

  it('lets a header claim the change that arrived before it (Firefox) and roll the jar back past it', () => {
    const stored = cookie('server_pref');
    const changes: CookieChange[] = [
      { seq: 3, time: NOW - 50, removed: false, cause: 'explicit', cookie: cookie('unrelated') },
      { seq: 4, time: NOW - 10, removed: false, cause: 'explicit', cookie: stored },
    ];
    const expected = pendingFor(['server_pref=compact; Path=/'], 'http://localhost/', 1, NOW);
    const since = claimEarlierChanges(changes, expected, NOW, 9);
    expect(since).toBe(4);
    expect(changes[1]?.claimed).toBe(true);
    expect(changes[0]?.claimed).toBeUndefined();
    expect(expected[0]?.observed).toBe(stored);
    expect(jarBefore([stored], changes, since)).toEqual([]);
    // An old change is not claimed.
    const stale: CookieChange[] = [{ seq: 1, time: NOW - 10_000, removed: false, cause: 'explicit', cookie: stored }];
    expect(claimEarlierChanges(stale, pendingFor(['server_pref=1'], 'http://localhost/', 1, NOW), NOW, 9)).toBe(9);
  });

  it('turns a cookie without a header into a "set by script" entry', () => {
    const e = scriptEntry(
      cookie('js_theme', { value: '<img src=x onerror=alert(1)>' }),
      { tabId: 2, time: NOW, pageUrl: 'http://localhost/p', replaced: false },
      9,
    );
    expect(e).toMatchObject({
      id: 9,
      source: 'script',
      verdict: 'stored',
      name: 'js_theme',
      header: '',
      status: 0,
      requestUrl: 'http://localhost/p',
    });
    expect(en(e.message)).toContain('set by script (document.cookie) or another extension');
    expect(e.cookie?.key).toBe(cookieKey(cookie('js_theme')));
    expect(scriptEntry(cookie('x'), { tabId: 2, time: NOW, pageUrl: '', replaced: true }, 1).verdict).toBe('replaced');
  });

  it('finds the tabs a script cookie belongs to: same site, or a frame on its host within its partition', () => {
    const tabs = [
      { tabId: 1, url: 'https://www.site.example/', frameUrls: [] },
      { tabId: 2, url: 'https://localhost/page', frameUrls: ['https://127.0.0.1/frame'] },
      { tabId: 3, url: 'https://elsewhere.example/', frameUrls: [] },
      { tabId: 4, url: 'https://other.example/', frameUrls: ['https://127.0.0.1/frame'] },
    ];
    expect(tabsForCookie(cookie('a', { domain: '.site.example', hostOnly: false }), tabs)).toEqual([1]);
    expect(tabsForCookie(cookie('b', { domain: 'api.site.example' }), tabs)).toEqual([1]);
    const chip = cookie('tp_js', { domain: '127.0.0.1', partitionKey: { topLevelSite: 'https://localhost' } });
    expect(tabsForCookie(chip, tabs)).toEqual([2]);
    expect(tabsForCookie(cookie('tp', { domain: '127.0.0.1' }), tabs)).toEqual([2, 4]);
  });

  it('leaves out tabs of another cookie store (a container, a private window)', () => {
    const tabs = [
      { tabId: 1, url: 'https://www.site.example/', frameUrls: [], storeId: '0' },
      { tabId: 2, url: 'https://www.site.example/', frameUrls: [], storeId: 'firefox-container-1' },
    ];
    expect(tabsForCookie(cookie('a', { domain: 'www.site.example', storeId: 'firefox-container-1' }), tabs)).toEqual([
      2,
    ]);
  });

  it('marks a valid header the browser did not store as rejected, blocked by the browser', () => {
    const blocked = markBlocked(
      entry(1, { name: 'tp_id', cookie: { key: 'k', name: 'tp_id', domain: '127.0.0.1', path: '/' } }),
      {
        thirdParty: true,
        browserLabel: 'Chrome',
      },
    );
    expect(blocked).toMatchObject({ verdict: 'rejected', reason: 'blocked-by-browser' });
    expect(blocked.cookie).toBeUndefined();
    expect(en(blocked.message)).toContain('Chrome did not store "tp_id"');
    expect(en(blocked.hint!)).toContain('Partitioned');
  });
});

describe('SetCookieLog', () => {
  it(`keeps the newest ${LOG_CAP} entries per tab by default, and the cap given`, () => {
    const log = new SetCookieLog(undefined, 3);
    log.add(1, [entry(1), entry(2)]);
    log.add(1, [entry(3), entry(4)]);
    log.add(2, [entry(5, { tabId: 2 })]);
    expect(log.entries(1).map((e) => e.id)).toEqual([2, 3, 4]);
    expect(log.entries(2).map((e) => e.id)).toEqual([5]);
    const big = new SetCookieLog();
    big.add(
      1,
      Array.from({ length: LOG_CAP + 20 }, (_, i) => entry(i)),
    );
    expect(big.entries(1)).toHaveLength(LOG_CAP);
    expect(big.entries(1)[0]?.id).toBe(20);
  });

  it('keeps at most the total cap over all tabs, dropping the oldest entries of any tab', () => {
    const log = new SetCookieLog(undefined, 10, 4);
    log.add(1, [entry(1), entry(2)]);
    log.add(2, [entry(3, { tabId: 2 }), entry(4, { tabId: 2 })]);
    log.add(1, [entry(5)]);
    log.add(2, [entry(6, { tabId: 2 })]);
    expect(log.entries(1).map((e) => e.id)).toEqual([5]);
    expect(log.entries(2).map((e) => e.id)).toEqual([3, 4, 6]);
  });

  it('clears on a new navigation but not on a redirect hop (same request id), unless preserved', () => {
    const log = new SetCookieLog();
    expect(log.navigated(1, 'r1')).toBe(true);
    log.add(1, [entry(1)]);
    log.addFrame(1, 'https://127.0.0.1/frame');
    expect(log.navigated(1, 'r1')).toBe(false);
    expect(log.entries(1)).toHaveLength(1);
    expect(log.frames(1)).toEqual(['https://127.0.0.1/frame']);
    expect(log.navigated(1, 'r2')).toBe(true);
    expect(log.entries(1)).toEqual([]);
    expect(log.frames(1)).toEqual([]);
    log.add(1, [entry(2)]);
    log.setPreserve(1, true);
    log.navigated(1, 'r3');
    expect(log.entries(1).map((e) => e.id)).toEqual([2]);
    expect(log.preserve(1)).toBe(true);
  });

  it('numbers entries across tabs, updates, clears and forgets closed tabs', () => {
    const log = new SetCookieLog();
    expect([log.nextId(), log.nextId()]).toEqual([1, 2]);
    log.add(4, [entry(1, { tabId: 4 })]);
    expect(log.update(1, (e) => ({ ...e, confirmed: true }))).toBe(4);
    expect(log.find(1)?.confirmed).toBe(true);
    expect(log.update(99, (e) => e)).toBeUndefined();
    expect(log.clear(4)).toBe(1);
    log.add(4, [entry(3, { tabId: 4 })]);
    log.removeTab(4);
    expect(log.entries(4)).toEqual([]);
    expect(log.snapshot().tabs).toEqual({});
  });

  it('survives a round trip through plain data (session storage)', () => {
    const log = new SetCookieLog();
    log.navigated(1, 'r1');
    log.add(1, [entry(log.nextId())]);
    const copy = new SetCookieLog(JSON.parse(JSON.stringify(log.snapshot())));
    expect(copy.entries(1)).toEqual(log.entries(1));
    expect(copy.nextId()).toBe(2);
    expect(copy.navigated(1, 'r1')).toBe(false);
  });
});

describe('cookies by site', () => {
  const top = 'https://localhost/frames/third-party';
  it('groups frames by site, leaving out the page site and non-web frames', () => {
    const sites = thirdPartySites(top, [
      'https://127.0.0.1/frame',
      'https://localhost/same-site-frame',
      'about:blank',
      'https://a.widgets.example/x',
      'https://b.widgets.example/y',
    ]);
    expect([...sites.entries()]).toEqual([
      ['127.0.0.1', ['https://127.0.0.1/frame']],
      ['widgets.example', ['https://a.widgets.example/x', 'https://b.widgets.example/y']],
    ]);
  });

  it("gives a frame its host's cookies, unpartitioned or partitioned under this top-level site only", () => {
    const all = [
      cookie('tp_id', { domain: '127.0.0.1' }),
      cookie('tp_chip', { domain: '127.0.0.1', partitionKey: { topLevelSite: 'https://localhost' } }),
      cookie('elsewhere', { domain: '127.0.0.1', partitionKey: { topLevelSite: 'https://other.example' } }),
      cookie('top_pref', { domain: 'localhost' }),
    ];
    expect(cookiesForFrame(all, ['https://127.0.0.1/frame'], top).map((c) => c.name)).toEqual(['tp_id', 'tp_chip']);
  });
});
