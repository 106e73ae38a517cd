import { cookieKey, partitionText, type Cookie } from '../../model/cookie';
import { expiryText, flagList } from '../format';

export interface CookieTableProps {
  cookies: readonly Cookie[];
}

/** One row per cookie; the data-* attributes are the testing contract other tools rely on. */
export function CookieTable({ cookies }: CookieTableProps) {
  if (cookies.length === 0) return <p class="empty">No cookies for this page.</p>;
  return (
    <table class="cookies">
      <thead>
        <tr>
          <th>Name</th>
          <th>Value</th>
          <th>Domain</th>
          <th>Path</th>
          <th>Expires</th>
          <th>Flags</th>
        </tr>
      </thead>
      <tbody>
        {cookies.map((c) => (
          <tr
            key={cookieKey(c)}
            data-testid="cookie-row"
            data-name={c.name}
            data-domain={c.domain}
            data-path={c.path}
            data-partition={c.partitionKey ? partitionText(c.partitionKey) : undefined}
          >
            <td class="name">{c.name}</td>
            <td class="value">{c.value}</td>
            <td>{c.domain}</td>
            <td>{c.path}</td>
            <td>{expiryText(c)}</td>
            <td>{flagList(c).join(' ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
