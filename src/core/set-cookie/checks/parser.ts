/** Headers the browser drops before looking at any attribute: the parser's refusals and nameless oddities. */
import { cookieSize } from '../../../model/cookie';
import { browserPrefix, effectivePrefix } from '../../prefix';
import { describeControl, MAX_NAME_VALUE_BYTES } from '../parse';
import { rejected } from '../wording';
import type { Check } from './context';

export const parserRejections: Check = ({ header, parsed, browser, who }) => {
  const { name, value } = parsed;
  if (parsed.rejection === 'control-characters') return rejected('control-characters', describeControl(header));
  if (parsed.rejection === 'empty') return rejected('empty');
  if (parsed.rejection === 'too-large') return rejected('too-large', who, cookieSize(parsed), MAX_NAME_VALUE_BYTES);
  if (browser === 'firefox' && name === '' && value.includes('=')) return rejected('nameless-with-equals', who);
  if (name === '' && browserPrefix(value, browser)) {
    return rejected('nameless-prefix', who, effectivePrefix(value) ?? '__Secure-');
  }
  return undefined;
};
