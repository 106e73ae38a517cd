import { describe, expect, it } from 'vitest';
import { msg } from '../../../src/i18n/msg';
import { notStored } from '../../../src/core/set-cookie-log/not-stored';
import type { SetCookieEntry } from '../../../src/model/set-cookie-entry';
import { badgeText, flagMarks, severityLetter, severityPillTitle } from '../../../src/ui/finding-text';
import { distinctHeaders, notStoredCause, notStoredHeading } from '../../../src/ui/not-stored-text';
import { makeCookie } from '../fixtures';

const entry = (over: Partial<SetCookieEntry>): SetCookieEntry => ({
  id: 1,
  tabId: 1,
  time: 0,
  source: 'header',
  requestUrl: 'http://localhost/setcookie',
  status: 200,
  frameType: 'main_frame',
  header: 'username=JohnDoe; Expires=Thu, 01 Jan 1970 01:00:00 GMT; Path=/',
  name: 'username',
  verdict: 'deleted',
  message: msg('text', 'Nothing is stored.'),
  notes: [],
  attributes: [],
  ...over,
});

describe('badges and marks', () => {
  it('say in words what is wrong, falling back to the rule title', () => {
    expect(badgeText('missing-secure', msg('r_missing_secure_title'))).toBe('Not Secure');
    expect(badgeText('missing-httponly', msg('r_missing_httponly_title'))).toBe('Readable by scripts');
    expect(badgeText('some-new-rule', msg('text', 'A new rule'))).toBe('A new rule');
  });
  it('mark severity with a letter and flags compactly', () => {
    expect(['high', 'medium', 'low', 'info'].map((s) => severityLetter(s as 'high'))).toEqual(['H', 'M', 'L', 'i']);
    expect(flagMarks(makeCookie({ secure: true, httpOnly: true, sameSite: 'none' }))).toBe('S H None');
    expect(flagMarks(makeCookie({ secure: false, httpOnly: false, sameSite: 'unspecified' }))).toBe('');
  });
  it('counts cookies in the pill tooltip, singular and plural', () => {
    expect(severityPillTitle(1, 'high')).toBe('1 cookie with a high finding: show only them');
    expect(severityPillTitle(3, 'low')).toBe('3 cookies with a low finding: show only them');
  });
});

describe('headers that stored nothing', () => {
  it('heads the list in the singular and plural', () => {
    expect(notStoredHeading(1)).toBe('1 Set-Cookie header was not stored');
    expect(notStoredHeading(2)).toBe('2 Set-Cookie headers were not stored');
  });
  it('gives the cause in a few words: the Flask case, Max-Age, a refusal', () => {
    expect(notStoredCause(entry({}))).toBe('expired on arrival (Expires 1970)');
    expect(notStoredCause(entry({ header: 'a=1; Max-Age=0' }))).toBe('expired on arrival (Max-Age=0)');
    expect(
      notStoredCause(entry({ verdict: 'rejected', reason: 'samesite-none-insecure', header: 'a=1; SameSite=None' })),
    ).toBe('refused: SameSite=None without Secure');
  });
  it('keeps refusals and arrivals that expired, not deliberate deletes, newest first and one per header', () => {
    const entries = [
      entry({ id: 1 }),
      entry({ id: 2, onArrival: true }),
      entry({ id: 3, verdict: 'deleted', header: 'old=; Max-Age=0' }),
      entry({ id: 4, verdict: 'rejected', reason: 'samesite-none-insecure', header: 'x=1; SameSite=None', name: 'x' }),
      entry({ id: 5, verdict: 'stored', header: 'ok=1' }),
      entry({ id: 6, onArrival: true }),
    ];
    const found = notStored(entries);
    expect(found.map((e) => e.id)).toEqual([6, 4, 2]);
    expect(found[0]).not.toHaveProperty('attributes');
    expect(distinctHeaders(found).map((e) => e.id)).toEqual([6, 4]);
  });
});

describe('the log marks a delete that deleted nothing', () => {
  const info = {
    tabId: 1,
    requestUrl: 'http://localhost/setcookie',
    status: 200,
    frameType: 'main_frame' as const,
    time: Date.UTC(2026, 0, 1),
    topLevelUrl: 'http://localhost/setcookie',
    browser: 'chrome' as const,
    storeId: '0',
  };
  it('as expired on arrival, and a delete of an existing cookie not', async () => {
    const { explainResponse } = await import('../../../src/core/set-cookie-log/entries');
    let id = 0;
    const header = 'username=JohnDoe; Expires=Thu, 01 Jan 1970 01:00:00 GMT; Path=/';
    const [arrival] = explainResponse([header], info, [], () => ++id);
    expect([arrival?.verdict, arrival?.onArrival]).toEqual(['deleted', true]);
    const existing = makeCookie({ name: 'username', domain: 'localhost', path: '/', hostOnly: true });
    const [deletes] = explainResponse([header], info, [existing], () => ++id);
    expect([deletes?.verdict, deletes?.onArrival]).toEqual(['deleted', undefined]);
  });
});

describe('the log says "not stored"', () => {
  it('labels the Flask case and refusals as not stored, and filters both', async () => {
    const { filterEntries, offendingAttributes, verdictLabel } = await import('../../../src/ui/set-cookie-filter');
    expect(verdictLabel({ verdict: 'deleted', onArrival: true })).toBe('Not stored (expired on arrival)');
    expect(verdictLabel({ verdict: 'deleted' })).toBe('Deleted');
    expect(verdictLabel({ verdict: 'rejected' })).toBe('Not stored (refused)');
    expect(verdictLabel({ verdict: 'stored' })).toBe('Stored');
    const all = [
      entry({ id: 1, onArrival: true }),
      entry({ id: 2, header: 'old=; Max-Age=0' }),
      entry({ id: 3, verdict: 'rejected', reason: 'samesite-none-insecure' }),
    ];
    expect(filterEntries(all, { name: '', verdict: 'not-stored' }).map((e) => e.id)).toEqual([1, 3]);
    expect(offendingAttributes({ verdict: 'rejected', reason: 'samesite-none-insecure' })).toEqual(['samesite']);
    expect(offendingAttributes({ verdict: 'deleted', onArrival: true })).toEqual(['expires', 'max-age']);
  });
});

describe('plurals', () => {
  it('the import preview says "1 cookie" and "1 row"', async () => {
    const { importSummary } = await import('../../../src/ui/outcome-text');
    expect(importSummary(1, 0, 1)).toBe('1 cookie to write (1 new, 0 replacing existing), 1 row with errors.');
    expect(importSummary(3, 1, 2)).toBe('3 cookies to write (2 new, 1 replacing existing), 2 rows with errors.');
  });
});
