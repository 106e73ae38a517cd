/** The rule registry: every audit rule, in the order the audit runs them and the README lists them. */
import { rule as missingSecure } from './missing-secure';
import { rule as insecureTransport } from './insecure-transport';
import { rule as missingHttponlySession } from './missing-httponly-session';
import { rule as missingHttponly } from './missing-httponly';
import { rule as tokenReadableByScript } from './token-readable-by-script';
import { rule as samesiteNoneInsecure } from './samesite-none-insecure';
import { rule as samesiteNone } from './samesite-none';
import { rule as samesiteUnspecified } from './samesite-unspecified';
import { rule as samesiteLaxSession } from './samesite-lax-session';
import { rule as domainWide } from './domain-wide';
import { rule as hostPrefixInvalid } from './host-prefix-invalid';
import { rule as securePrefixInvalid } from './secure-prefix-invalid';
import { rule as httpPrefixInvalid } from './http-prefix-invalid';
import { rule as prefixCase } from './prefix-case';
import { rule as hostPrefixRecommended } from './host-prefix-recommended';
import { rule as nameless } from './nameless';
import { rule as persistentSession } from './persistent-session';
import { rule as longLifetime } from './long-lifetime';
import { rule as pathScopedSession } from './path-scoped-session';
import { rule as oversized } from './oversized';
import { rule as tooManyCookies } from './too-many-cookies';
import { rule as controlCharacters } from './control-characters';
import { rule as nonTokenValue } from './non-token-value';
import { rule as domainNonAscii } from './domain-non-ascii';
import { rule as partitionedInsecure } from './partitioned-insecure';
import { rule as thirdPartyUnpartitioned } from './third-party-unpartitioned';
import { rule as weakSessionId } from './weak-session-id';
import { rule as frameworkSessionName } from './framework-session-name';
import type { Rule, RuleId } from './rule';

export type { Rule, RuleHit, RuleId, RuleInput, RuleSample } from './rule';
export { RULE_IDS } from './rule';

export const rules: readonly Rule[] = [
  missingSecure,
  insecureTransport,
  missingHttponlySession,
  missingHttponly,
  tokenReadableByScript,
  samesiteNoneInsecure,
  samesiteNone,
  samesiteUnspecified,
  samesiteLaxSession,
  domainWide,
  hostPrefixInvalid,
  securePrefixInvalid,
  httpPrefixInvalid,
  prefixCase,
  hostPrefixRecommended,
  nameless,
  persistentSession,
  longLifetime,
  pathScopedSession,
  oversized,
  tooManyCookies,
  controlCharacters,
  nonTokenValue,
  domainNonAscii,
  partitionedInsecure,
  thirdPartyUnpartitioned,
  weakSessionId,
  frameworkSessionName,
];

const byId: ReadonlyMap<string, Rule> = new Map(rules.map((r) => [r.id, r]));

/** The rule with this id, or undefined for an unknown id. */
export function ruleById(id: RuleId): Rule;
export function ruleById(id: string): Rule | undefined;
export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}
