import type { ComponentChild } from 'preact';
import { t } from '../i18n';

/**
 * Text that quotes hostile strings (cookie names, values): each occurrence of one of `parts` is
 * rendered in its own bidi isolate, so a right-to-left override (U+202E) inside a name or value
 * cannot reverse the words around it. Plain text throughout, never HTML; the text content is
 * exactly `text`.
 */
export function IsolatedText({ text, parts }: { text: string; parts: readonly string[] }) {
  const wanted = [...new Set(parts.filter((p) => p !== ''))].sort((a, b) => b.length - a.length);
  const out: ComponentChild[] = [];
  let rest = text;
  let key = 0;
  while (rest !== '') {
    let at = -1;
    let part = '';
    for (const p of wanted) {
      const i = rest.indexOf(p);
      if (i >= 0 && (at < 0 || i < at)) {
        at = i;
        part = p;
      }
    }
    if (at < 0) {
      out.push(rest);
      break;
    }
    if (at > 0) out.push(rest.slice(0, at));
    out.push(
      <span key={key++} class="isolate">
        {part}
      </span>,
    );
    rest = rest.slice(at + part.length);
  }
  return <>{out}</>;
}

/** A Set-Cookie header with its name-value pair and each attribute isolated (see IsolatedText). */
export function IsolatedHeader({
  header,
  mark = [],
  ignored = [],
}: {
  header: string;
  mark?: readonly string[];
  /** Which attributes (1 = the first after name=value) the browser ignores: struck through in place. */
  ignored?: readonly number[];
}) {
  return (
    <>
      {header.split(/(?=;)/).map((part, i) => {
        const name = part.replace(/^;/, '').split('=')[0]?.trim().toLowerCase() ?? '';
        if (i > 0 && mark.includes(name)) {
          return (
            <mark key={i} class="isolate offending" title={t('offending_attribute')}>
              {part}
            </mark>
          );
        }
        if (ignored.includes(i)) {
          return (
            <s key={i} class="isolate ignored" title={t('ignored_attribute')}>
              {part}
            </s>
          );
        }
        return (
          <span key={i} class="isolate">
            {part}
          </span>
        );
      })}
    </>
  );
}
