/** Headers the browser drops before looking at any attribute: the parser's refusals and nameless oddities. */
import { type Msg, msg } from '../../../i18n/msg';
import { cookieSize } from '../../../model/cookie';
import type { BrowserName } from '../../types';
import { browserPrefix, effectivePrefix } from '../../prefix';
import { describeControl, MAX_NAME_VALUE_BYTES, type ParsedSetCookie } from '../parse';
import { controlName, rejected } from '../wording';
import type { Check } from './context';

/**
 * Where a horizontal tab makes the browser drop the header, which RFC 6265bis allows: Chromium 156
 * refuses a tab inside the name, the value or the Path (its CDP reason: DisallowedCharacter); Firefox
 * ESR 153 only inside the Path. A tab at either end is trimmed by both. Measured by
 * test/e2e/set-cookie-truth-*.test.ts.
 */
function refusedTab(parsed: ParsedSetCookie, browser: BrowserName): Msg | undefined {
  if (browser === 'chrome' && parsed.name.includes('\t')) return msg('sc_where_name');
  if (browser === 'chrome' && parsed.value.includes('\t')) return msg('sc_where_value');
  const path = parsed.attributes.find((a) => a.effective && a.name.toLowerCase() === 'path');
  if (path?.value.includes('\t')) return msg('sc_where_path');
  return undefined;
}

export const parserRejections: Check = ({ header, parsed, browser, who }) => {
  const { name, value } = parsed;
  if (parsed.rejection === 'control-characters') return rejected('control-characters', describeControl(header));
  const tab = refusedTab(parsed, browser);
  if (tab) return rejected('control-characters', controlName(9), tab);
  if (parsed.rejection === 'empty') return rejected('empty');
  if (parsed.rejection === 'too-large') return rejected('too-large', who, cookieSize(parsed), MAX_NAME_VALUE_BYTES);
  if (name !== '') return undefined;
  // Firefox ESR 153 stores `value` alone (no "=") as a name with an empty value: the prefix check sees it.
  const nameFromValue = browser === 'firefox' && parsed.nameless;
  // Chromium 156 reports InvalidPrefix for `=__Secure-a=b`, before dropping it silently for its "=".
  if (!nameFromValue && browserPrefix(value, browser)) {
    return rejected('nameless-prefix', who, effectivePrefix(value) ?? '__Secure-');
  }
  if (value.includes('=')) return rejected('nameless-with-equals', who, browser, true);
  // Firefox ESR 153 stores nothing for `=value`.
  if (browser === 'firefox' && !parsed.nameless) return rejected('nameless-with-equals', who, browser, false);
  return undefined;
};
