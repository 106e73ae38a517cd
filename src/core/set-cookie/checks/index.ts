/**
 * The explainer's checks, in the order they run: the first that refuses a header gives its reason,
 * so a header with two problems is rejected for the earlier one. Each check may add notes.
 */
import { attributes } from './attributes';
import type { Check } from './context';
import { domain } from './domain';
import { jarEffect } from './jar-effect';
import { lifetime } from './lifetime';
import { parserRejections } from './parser';
import { prefixes } from './prefixes';
import { thirdParty } from './third-party';

export type { Check, Draft, ExplainContext, ExplainOptions } from './context';
export { contextFor } from './context';
export { MAX_LIFETIME_SECONDS } from './lifetime';
export { type Outcome, outcome } from './outcome';

/**
 * Prefixes come before the other attribute rules: Chromium 156 reports InvalidPrefix (and only that)
 * for `__Host-id=v; SameSite=None` from http, not SameSiteNoneInsecure.
 */
export const CHECKS: readonly Check[] = [
  parserRejections,
  domain,
  prefixes,
  attributes,
  thirdParty,
  lifetime,
  jarEffect,
];
