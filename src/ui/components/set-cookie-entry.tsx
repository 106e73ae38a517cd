import type { SetCookieEntry } from '../../model/set-cookie-entry';
import { clockTime, cutMark, offendingAttributes, originLabel, verdictLabel } from '../set-cookie-filter';
import { pure } from '../pure';
import { IsolatedHeader, IsolatedText } from './isolated-text';
import { t } from '../i18n';

export interface SetCookieEntryProps {
  entry: SetCookieEntry;
  selected: boolean;
  /** Whether the cookie the entry produced is in the Cookies view now. */
  cookieShown: boolean;
  onSelect: (entry: SetCookieEntry) => void;
}

/**
 * What an entry says about its header, which depends on the entry alone: rendered once per entry,
 * not again when the entry is selected or its cookie appears in the Cookies view.
 */
const EntryDetails = pure(function EntryDetails({ entry }: { entry: SetCookieEntry }) {
  // The name and value the messages may quote: hostile text, kept from reordering the sentence.
  const pair = entry.header.split(';')[0] ?? '';
  const quoted = [entry.name, pair.slice(pair.indexOf('=') + 1).trim()];
  return (
    <>
      {entry.source === 'header' ? (
        <code class="raw-header">
          Set-Cookie:{' '}
          <IsolatedHeader
            header={entry.header}
            mark={offendingAttributes(entry)}
            ignored={entry.attributes.flatMap((a, i) => (a.effective ? [] : [i + 1]))}
          />
          {cutMark(entry.headerLength)}
        </code>
      ) : (
        <p class="entry-script">{t('set_by_script')}</p>
      )}
      <p class="entry-message">
        {entry.verdict === 'rejected' && entry.reason && <span class="entry-reason">{entry.reason}: </span>}
        <IsolatedText text={t(entry.message)} parts={quoted} />
      </p>
      {entry.hint && (
        <p class="entry-hint">
          {t('fix_label')} <IsolatedText text={t(entry.hint)} parts={quoted} />
        </p>
      )}
      {entry.notes.length > 0 && (
        <ul class="entry-notes" aria-label={t('header_notes')}>
          {entry.notes.map((note) => (
            <li key={note.id} data-note={note.id} class={`sev-${note.severity}`}>
              <IsolatedText text={t(note.message)} parts={quoted} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
});

/**
 * One header of the log: where it came from, the raw text, the verdict in words, and every attribute.
 * Renders again only when one of its props changed (a log of hundreds re-renders the few that did).
 */
export const SetCookieEntryView = pure(function SetCookieEntryView({
  entry,
  selected,
  cookieShown,
  onSelect,
}: SetCookieEntryProps) {
  const name = entry.name === '' ? t('no_name') : entry.name;
  return (
    <li
      class={`log-entry verdict-${entry.verdict}${selected ? ' selected' : ''}`}
      data-testid="setcookie-entry"
      data-id={entry.id}
      data-name={entry.name}
      data-verdict={entry.verdict}
      data-reason={entry.verdict === 'rejected' ? entry.reason : undefined}
      data-source={entry.source}
    >
      <button
        type="button"
        class="entry-head"
        aria-pressed={selected}
        title={cookieShown ? t('show_in_cookies') : t('select')}
        onClick={() => onSelect(entry)}
      >
        <span class={`verdict-badge v-${entry.verdict}${entry.onArrival ? ' v-arrival' : ''}`}>
          {verdictLabel(entry)}
        </span>
        <span class="entry-name">
          {name}
          {cutMark(entry.nameLength)}
        </span>
        <span class="entry-origin">{originLabel(entry)}</span>
        <time class="entry-time" dateTime={new Date(entry.time).toISOString()}>
          {clockTime(entry.time)}
        </time>
        <span class="entry-url" title={entry.requestUrl}>
          {entry.requestUrl}
        </span>
      </button>
      <div class="entry-body">
        <EntryDetails entry={entry} />
        {cookieShown && (
          <button type="button" class="link" onClick={() => onSelect(entry)}>
            {t('show_cookie')}
          </button>
        )}
      </div>
    </li>
  );
});
