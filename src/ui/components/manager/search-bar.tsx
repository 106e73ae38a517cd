import type { RefObject } from 'preact';
import type { FilterChoice, SiteOrder } from '../../manager-model';
import { cookieCount } from '../../outcome-text';

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

type Options = ReadonlyArray<readonly [string, string]>;

function Menu<K extends keyof FilterChoice>(props: {
  label: string;
  name: K;
  choice: FilterChoice;
  options: Options;
  onChoice: (choice: FilterChoice) => void;
}) {
  return (
    <label>
      {props.label}
      <select
        value={props.choice[props.name]}
        onChange={(e) => props.onChoice({ ...props.choice, [props.name]: e.currentTarget.value })}
      >
        {props.options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

const SEVERITY: Options = [
  ['', 'Any'],
  ['high', 'High'],
  ['high-medium', 'High or medium'],
  ['medium', 'Medium'],
  ['low', 'Low'],
  ['info', 'Info'],
];
const FLAGS: Options = [
  ['', 'Any'],
  ['secure', 'Secure'],
  ['not-secure', 'Not Secure'],
  ['httponly', 'HttpOnly'],
  ['not-httponly', 'Not HttpOnly'],
  ['samesite-none', 'SameSite=None'],
  ['samesite-unset', 'SameSite not set'],
  ['host-only', 'Host-only'],
];
const LIFETIME: Options = [
  ['', 'Any'],
  ['session', 'Session'],
  ['persistent', 'Persistent'],
];
const PARTITIONED: Options = [
  ['', 'Any'],
  ['yes', 'Partitioned'],
  ['no', 'Not partitioned'],
];
const EXPIRING: Options = [
  ['', 'Any time'],
  ['day', 'Within a day'],
  ['week', 'Within a week'],
];
const OVER: Options = [
  ['', 'Any size'],
  ['100', 'Over 100 B'],
  ['500', 'Over 500 B'],
  ['1024', 'Over 1 KB'],
  ['2048', 'Over 2 KB'],
  ['3072', 'Over 3 KB'],
];

/** Search across every cookie of the store, the filters beside it and the order of the sites. */
export function SearchBar(props: SearchBarProps) {
  const { choice, onChoice } = props;
  return (
    <div class="search-bar">
      <label class="search">
        Search
        <input
          ref={props.searchRef}
          type="search"
          value={props.query}
          placeholder="text, name:, value:, domain:, rule:, /regex/, -exclude"
          spellcheck={false}
          aria-invalid={props.queryError ? 'true' : undefined}
          aria-describedby="query-help"
          onInput={(e) => props.onQuery(e.currentTarget.value)}
        />
      </label>
      <span class="shown" data-testid="shown-count" aria-live="polite">
        {props.shown === props.total ? cookieCount(props.total) : `${props.shown} of ${cookieCount(props.total)}`}
      </span>
      <p
        id="query-help"
        class={props.queryError ? 'error query-error' : 'hint'}
        role={props.queryError ? 'alert' : undefined}
      >
        {props.queryError}
      </p>
      <div class="filters">
        <Menu label="Severity" name="severity" choice={choice} options={SEVERITY} onChoice={onChoice} />
        <Menu label="Flags" name="flag" choice={choice} options={FLAGS} onChoice={onChoice} />
        <Menu label="Lifetime" name="lifetime" choice={choice} options={LIFETIME} onChoice={onChoice} />
        <Menu label="Partitioned" name="partitioned" choice={choice} options={PARTITIONED} onChoice={onChoice} />
        <Menu label="Expiring" name="expiring" choice={choice} options={EXPIRING} onChoice={onChoice} />
        <Menu label="Size" name="over" choice={choice} options={OVER} onChoice={onChoice} />
        <label>
          Order
          <select value={props.order} onChange={(e) => props.onOrder(e.currentTarget.value as SiteOrder)}>
            <option value="name">Site name</option>
            <option value="weakest">Weakest sites first</option>
          </select>
        </label>
      </div>
    </div>
  );
}
