import type { RefObject } from 'preact';
import type { FilterChoice, SiteOrder } from '../../manager-model';
import { cookieCount } from '../../outcome-text';
import type { MessageId } from '../../../i18n/msg';
import { num, t } from '../../i18n';
import { pure } from '../../pure';

export interface SearchBarProps {
  searchRef: RefObject<HTMLInputElement | null>;
  query: string;
  /** Why the query cannot be used, shown under the box; empty when it can. */
  queryError: string;
  choice: FilterChoice;
  order: SiteOrder;
  /** Rows shown and cookies in the store. */
  shown: number;
  total: number;
  onQuery: (query: string) => void;
  onChoice: (choice: FilterChoice) => void;
  onOrder: (order: SiteOrder) => void;
}

type Options = ReadonlyArray<readonly [string, MessageId]>;

interface MenuProps {
  label: MessageId;
  name: keyof FilterChoice;
  choice: FilterChoice;
  options: Options;
  onChoice: (choice: FilterChoice) => void;
}

/** One filter's menu: rendered again only when the filters change, not on every search keystroke. */
const Menu = pure(function Menu(props: MenuProps) {
  return (
    <label>
      {t(props.label)}
      <select
        value={props.choice[props.name]}
        onChange={(e) => props.onChoice({ ...props.choice, [props.name]: e.currentTarget.value })}
      >
        {props.options.map(([value, text]) => (
          <option key={value} value={value}>
            {t(text)}
          </option>
        ))}
      </select>
    </label>
  );
});

const SEVERITY: Options = [
  ['', 'm_any'],
  ['high', 'm_high'],
  ['high-medium', 'm_high_medium'],
  ['medium', 'm_medium'],
  ['low', 'm_low'],
  ['info', 'm_info'],
];
const FLAGS: Options = [
  ['', 'm_any'],
  ['secure', 'm_secure'],
  ['not-secure', 'm_not_secure'],
  ['httponly', 'm_httponly'],
  ['not-httponly', 'm_not_httponly'],
  ['samesite-none', 'm_samesite_none'],
  ['samesite-unset', 'm_samesite_unset'],
  ['host-only', 'host_only'],
];
const LIFETIME: Options = [
  ['', 'm_any'],
  ['session', 'session'],
  ['persistent', 'm_persistent'],
];
const PARTITIONED: Options = [
  ['', 'm_any'],
  ['yes', 'f_partitioned'],
  ['no', 'm_not_partitioned'],
];
const EXPIRING: Options = [
  ['', 'm_any_time'],
  ['day', 'm_within_day'],
  ['week', 'm_within_week'],
];
const OVER: Options = [
  ['', 'm_any_size'],
  ['100', 'm_over_100'],
  ['500', 'm_over_500'],
  ['1024', 'm_over_1k'],
  ['2048', 'm_over_2k'],
  ['3072', 'm_over_3k'],
];

/** Search across every cookie of the store, the filters beside it and the order of the sites. */
export function SearchBar(props: SearchBarProps) {
  const { choice, onChoice } = props;
  return (
    <div class="search-bar">
      <label class="search">
        {t('search')}
        <input
          ref={props.searchRef}
          type="search"
          value={props.query}
          placeholder={t('m_search_placeholder')}
          spellcheck={false}
          aria-invalid={props.queryError ? 'true' : undefined}
          aria-describedby="query-help"
          onInput={(e) => props.onQuery(e.currentTarget.value)}
        />
      </label>
      <span class="shown" data-testid="shown-count" aria-live="polite">
        {props.shown === props.total
          ? cookieCount(props.total)
          : t('m_n_of', num(props.shown), cookieCount(props.total))}
      </span>
      <p
        id="query-help"
        class={props.queryError ? 'error query-error' : 'hint'}
        role={props.queryError ? 'alert' : undefined}
      >
        {props.queryError}
      </p>
      <div class="filters">
        <Menu label="sort_severity" name="severity" choice={choice} options={SEVERITY} onChoice={onChoice} />
        <Menu label="m_flags" name="flag" choice={choice} options={FLAGS} onChoice={onChoice} />
        <Menu label="m_lifetime" name="lifetime" choice={choice} options={LIFETIME} onChoice={onChoice} />
        <Menu label="f_partitioned" name="partitioned" choice={choice} options={PARTITIONED} onChoice={onChoice} />
        <Menu label="m_expiring" name="expiring" choice={choice} options={EXPIRING} onChoice={onChoice} />
        <Menu label="sort_size" name="over" choice={choice} options={OVER} onChoice={onChoice} />
        <label>
          {t('m_order')}
          <select value={props.order} onChange={(e) => props.onOrder(e.currentTarget.value as SiteOrder)}>
            <option value="name">{t('m_order_name')}</option>
            <option value="weakest">{t('m_order_weakest')}</option>
          </select>
        </label>
      </div>
    </div>
  );
}
