/**
 * The differential run: every generated header sent by the raw server to a real browser, and what the
 * browser did compared with what `explainSetCookie(header, url, { browser })` says.
 *
 * Headers are batched, many per response, so the suite stays fast: a batch shares one request URL and
 * one way of arriving (header or script), has at most one nameless header (they share the empty name), and each of its headers
 * carries its own tag, so their verdicts do not interact (no two share a name). The jar is emptied
 * between batches. A batch with seeds first loads a page that sets them (the existing cookies of the
 * overwrite cases); the explainer is given the jar as the browser had it then.
 */
import { explainSetCookie, type Explanation } from '../../../src/core/set-cookie/index';
import type { RejectReason } from '../../../src/model/verdict';
import { type Cookie, cookieKey } from '../../../src/model/cookie';
import type { Blocked, Engine } from './engines';
import { type Case, type Scheme, tagOf } from './generator';
import type { RawServer } from './raw-server';

/**
 * Chromium's CookieBlockedReason for a Set-Cookie line → the RejectReasons it may stand for. A reason
 * missing here fails the test: the explainer has no word for it yet.
 */
export const CHROMIUM_REASONS: Readonly<Record<string, readonly RejectReason[]>> = {
  SecureOnly: ['secure-from-insecure-origin'],
  SameSiteNoneInsecure: ['samesite-none-insecure'],
  DomainMismatch: ['domain-mismatch'],
  InvalidDomain: ['domain-mismatch', 'domain-public-suffix', 'non-ascii-domain'],
  InvalidPrefix: ['invalid-prefix', 'nameless-prefix'],
  OverwriteSecure: ['overwrite-secure'],
  NameValuePairExceedsMaxSize: ['too-large'],
  DisallowedCharacter: ['control-characters'],
  NoCookieContent: ['empty'],
  SameSiteLax: ['samesite-cross-site'],
  SameSiteStrict: ['samesite-cross-site'],
  SameSiteUnspecifiedTreatedAsLax: ['samesite-cross-site'],
  // Third-party cookies blocked by the user's setting (predicted only when the caller says so).
  UserPreferences: ['third-party-blocked'],
  ThirdPartyPhaseout: ['third-party-blocked'],
  ThirdPartyBlockedInFirstPartySet: ['third-party-blocked'],
};

/** Rejections Chromium makes without reporting a reason: the line is dropped silently. */
export const CHROMIUM_SILENT: ReadonlySet<RejectReason> = new Set(['nameless-with-equals', 'partitioned-insecure']);

export type VerdictClass = 'rejected' | 'stored' | 'not stored';

export interface Result {
  case: Case;
  url: string;
  explanation: Explanation;
  /** Empty when the explainer and the browser agree. */
  differences: string[];
}

const MAX_BATCH = 30;
const MAX_BATCH_BYTES = 90_000;
const EXPIRY_TOLERANCE_S = 10;

function batches(cases: readonly Case[]): Case[][] {
  const groups = new Map<string, Case[]>();
  for (const c of cases) {
    const key = `${c.scheme} ${c.host} ${c.fromScript}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const out: Case[][] = [];
  for (const group of groups.values()) {
    let current: Case[] = [];
    let bytes = 0;
    for (const c of group) {
      const size = Buffer.byteLength(c.header);
      if (
        current.length >= MAX_BATCH ||
        bytes + size > MAX_BATCH_BYTES ||
        (c.nameless && current.some((o) => o.nameless))
      ) {
        out.push(current);
        current = [];
        bytes = 0;
      }
      current.push(c);
      bytes += size;
    }
    if (current.length) out.push(current);
  }
  return out;
}

/** The cookies in `jar` that came from case `c` (or its seed). */
function belongsTo(cookie: Cookie, c: Case, batch: readonly Case[]): boolean {
  if (c.untagged) {
    const anyTag = batch.some((o) => !o.untagged && (cookie.name.includes(tagOf(o)) || cookie.value.includes(tagOf(o))));
    return !anyTag && cookie.name === '';
  }
  const tag = tagOf(c);
  return cookie.name.includes(tag) || (cookie.name === '' && cookie.value.includes(tag));
}

function blockedFor(blocked: readonly Blocked[], c: Case, batch: readonly Case[]): Blocked[] {
  if (c.untagged) {
    return blocked.filter((b) => b.line === c.header || !batch.some((o) => !o.untagged && b.line.includes(tagOf(o))));
  }
  return blocked.filter((b) => b.line.includes(tagOf(c)));
}

/** Identity for comparing: name, domain, path, and (Chromium, which reports it) the partition. */
function identity(cookie: Cookie, withPartition: boolean): string {
  return JSON.stringify([
    cookie.name,
    cookie.domain.toLowerCase(),
    cookie.path,
    withPartition ? (cookie.partitionKey?.topLevelSite ?? '') : '',
  ]);
}

function describe(cookie: Cookie): string {
  const expiry = cookie.session ? 'session' : `expires ${Math.round(cookie.expirationDate ?? 0)}`;
  const flags = [
    cookie.hostOnly ? 'host-only' : 'domain',
    cookie.secure && 'Secure',
    cookie.httpOnly && 'HttpOnly',
    `SameSite=${cookie.sameSite}`,
    cookie.partitionKey && `partitioned(${cookie.partitionKey.topLevelSite})`,
    expiry,
  ].filter(Boolean);
  const value = cookie.value.length > 40 ? `${cookie.value.slice(0, 40)}…(${cookie.value.length})` : cookie.value;
  return `${JSON.stringify(cookie.name)}=${JSON.stringify(value)} ${cookie.domain}${cookie.path} ${flags.join(' ')}`;
}

function attributeDifferences(want: Cookie, got: Cookie, browser: Engine['browser']): string[] {
  const out: string[] = [];
  if (want.value !== got.value) out.push('value');
  if (want.hostOnly !== got.hostOnly) out.push('host-only');
  if (want.secure !== got.secure) out.push('Secure');
  if (want.httpOnly !== got.httpOnly) out.push('HttpOnly');
  if (want.sameSite !== got.sameSite) out.push('SameSite');
  // Firefox's BiDi cookies do not say whether a cookie is partitioned.
  if (browser === 'chrome' && (want.partitionKey?.topLevelSite ?? '') !== (got.partitionKey?.topLevelSite ?? '')) {
    out.push('Partitioned');
  }
  if (want.session !== got.session) out.push('session');
  else if (!want.session && Math.abs((want.expirationDate ?? 0) - (got.expirationDate ?? 0)) > EXPIRY_TOLERANCE_S) {
    out.push('expiry');
  }
  return out;
}

/** The verdict class the browser should show for an explanation. */
export function expectedClass(e: Explanation, browser: Engine['browser'], fromScript: boolean): VerdictClass {
  if (e.verdict === 'stored' || e.verdict === 'replaced') return 'stored';
  if (e.verdict === 'deleted') return 'not stored';
  // Only Chromium gives reasons, and only for headers (not document.cookie).
  const reported = browser === 'chrome' && !fromScript && !(e.reason && CHROMIUM_SILENT.has(e.reason));
  return reported ? 'rejected' : 'not stored';
}

export function compare(
  c: Case,
  e: Explanation,
  browser: Engine['browser'],
  seeded: readonly Cookie[],
  after: readonly Cookie[],
  blocked: readonly Blocked[],
): string[] {
  const differences: string[] = [];
  const withPartition = browser === 'chrome';
  // What the jar holds for this header afterwards, per the explainer.
  const expected = new Map(seeded.map((k) => [cookieKey(k), k]));
  if ((e.verdict === 'stored' || e.verdict === 'replaced') && e.cookie) {
    if (e.replaces) expected.delete(e.replaces);
    expected.set(cookieKey(e.cookie), e.cookie);
  } else if (e.verdict === 'deleted' && e.replaces) {
    expected.delete(e.replaces);
  }
  const want = new Map([...expected.values()].map((k) => [identity(k, withPartition), k]));
  const got = new Map(after.map((k) => [identity(k, withPartition), k]));
  const seededText = new Set(seeded.map(describe));
  const observedClass: VerdictClass =
    blocked.length > 0 ? 'rejected' : after.some((k) => !seededText.has(describe(k))) ? 'stored' : 'not stored';
  const wantClass = expectedClass(e, browser, c.fromScript);
  if (observedClass !== wantClass) {
    differences.push(
      `verdict: explainer ${e.verdict}${e.reason ? ` (${e.reason})` : ''}, browser ${observedClass}` +
        (blocked.length ? ` (${blocked.flatMap((b) => b.reasons).join(', ')})` : ''),
    );
  }
  if (e.verdict === 'rejected' && blocked.length > 0) {
    const reasons = blocked.flatMap((b) => b.reasons);
    const unmapped = reasons.filter((r) => !(r in CHROMIUM_REASONS));
    if (unmapped.length) differences.push(`unmapped Chromium reason ${unmapped.join(', ')}`);
    const mapped = reasons.flatMap((r) => CHROMIUM_REASONS[r] ?? []);
    if (e.reason && !mapped.includes(e.reason)) {
      differences.push(`reason: explainer ${e.reason}, Chromium ${reasons.join(', ')}`);
    }
  }
  for (const [id, w] of want) {
    const g = got.get(id);
    if (!g) differences.push(`missing ${describe(w)}`);
    else {
      const diff = attributeDifferences(w, g, browser);
      if (diff.length) differences.push(`${diff.join(', ')}: explainer ${describe(w)}; browser ${describe(g)}`);
    }
  }
  for (const [id, g] of got) if (!want.has(id)) differences.push(`unexpected ${describe(g)}`);
  return differences;
}

function script(headers: readonly string[]): string {
  const json = JSON.stringify(headers).replace(/</g, '\\u003c').replace(/\u2028|\u2029/g, (m) => `\\u${m.charCodeAt(0).toString(16)}`);
  return `<!doctype html><title>script</title><script>for (const h of ${json}) document.cookie = h;</script><p>ok</p>`;
}

/** Runs every case in `engine` and returns one result per case. */
export async function runDifferential(engine: Engine, server: RawServer, cases: readonly Case[]): Promise<Result[]> {
  const port = (scheme: Scheme) => (scheme === 'https' ? server.httpsPort : server.httpPort);
  const results: Result[] = [];
  let n = 0;
  for (const batch of batches(cases)) {
    n++;
    const first = batch[0];
    if (!first) continue;
    const id = `${engine.browser}-${n}`;
    const pageUrl = `${first.scheme}://${first.host}:${port(first.scheme)}/p/${id}`;
    const seedSchemes = [...new Set(batch.flatMap((c) => (c.seed ? [c.seed.scheme] : [])))];
    await engine.reset();
    for (const scheme of seedSchemes) {
      const path = `/p/${id}-seed-${scheme}`;
      server.route(path, { setCookies: batch.flatMap((c) => (c.seed?.scheme === scheme ? [c.seed.header] : [])) });
      await engine.load(`${scheme}://${first.host}:${port(scheme)}${path}`);
    }
    const seeded = seedSchemes.length ? await engine.cookies() : [];
    const headers = batch.map((c) => c.header);
    server.route(`/p/${id}`, first.fromScript ? { body: script(headers) } : { setCookies: headers });
    const now = Date.now();
    const blocked = await engine.load(pageUrl);
    const after = await engine.cookies();
    for (const c of batch) {
      const mine = (k: Cookie) => belongsTo(k, c, batch);
      const jar = seeded.filter(mine);
      const explanation = explainSetCookie(c.header, pageUrl, {
        browser: engine.browser,
        jar: seeded,
        now,
        fromScript: c.fromScript,
      });
      const differences = compare(c, explanation, engine.browser, jar, after.filter(mine), blockedFor(blocked, c, batch));
      results.push({ case: c, url: pageUrl, explanation, differences });
    }
  }
  return results;
}

/** One line per header for a report: where it was sent, how, and the header (long values cut). */
export function caseLabel(c: Case): string {
  const header = c.header.length > 160 ? `${c.header.slice(0, 160)}…(${c.header.length} chars)` : c.header;
  const how = c.fromScript ? 'document.cookie on' : 'from';
  const seed = c.seed ? ` after ${JSON.stringify(c.seed.header)} from ${c.seed.scheme}` : '';
  return `${tagOf(c)} ${how} ${c.scheme}://${c.host}${seed}: ${JSON.stringify(header)}`;
}
