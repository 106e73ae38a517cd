/**
 * The protection rules, kept in `storage.local` (they outlive the browser session): sites and name
 * patterns, never values. Read strictly (a rule edited by hand into storage that is not valid is
 * left out) and changed one at a time, so two quick changes never lose each other.
 */
import { changeRules, protectedKeys, readRule, readRules, ruleMatcher } from '../core/protect';
import { isMsg } from '../i18n/msg';
import type { ProtectRule } from '../messages';
import type { Cookie } from '../model/cookie';
import { localValue } from './platform';
import { word } from './words';

const stored = localValue<unknown>('protectRules');

export async function getRules(): Promise<ProtectRule[]> {
  return readRules(await stored.get()).rules;
}

let writing: Promise<unknown> = Promise.resolve();

/**
 * Adds and removes rules (each checked; a bad one refuses the whole change, saying why) and
 * answers the rules now, deduplicated.
 */
export function setRules(change: { add?: readonly unknown[]; remove?: readonly unknown[] }): Promise<ProtectRule[]> {
  const read = (
    list: readonly unknown[] | undefined,
    what: 'bg_rule_add_error' | 'bg_rule_remove_error',
  ): ProtectRule[] =>
    (list ?? []).map((raw, index) => {
      const rule = readRule(raw);
      if (isMsg(rule)) throw new Error(word(what, index + 1, rule));
      return rule;
    });
  const add = read(change.add, 'bg_rule_add_error');
  const remove = read(change.remove, 'bg_rule_remove_error');
  const run = writing.then(async () => {
    const rules = changeRules(await getRules(), { add, remove });
    const checked = readRules(rules);
    if (checked.errors.length > 0) throw new Error(checked.errors.map((e) => word(e)).join(' '));
    await stored.set(checked.rules);
    return checked.rules;
  });
  writing = run.catch(() => undefined);
  return run;
}

/** cookieKey() of each of these cookies a rule protects. */
export async function protectedKeysOf(cookies: readonly Cookie[]): Promise<string[]> {
  return protectedKeys(cookies, await getRules());
}

/** The cookies split into those a rule protects and the rest. */
export async function splitProtected(cookies: readonly Cookie[]): Promise<{ kept: Cookie[]; free: Cookie[] }> {
  const covered = ruleMatcher(await getRules());
  const kept: Cookie[] = [];
  const free: Cookie[] = [];
  for (const c of cookies) (covered(c) ? kept : free).push(c);
  return { kept, free };
}
