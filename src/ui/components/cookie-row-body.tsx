import '../row-body.css';
import type { Finding } from '../../core/types';
import { cookieSize, partitionText } from '../../model/cookie';
import { flagList } from '../format';
import { lazyModule } from '../hooks/use-lazy';
import { t } from '../i18n';
import { byteSize } from '../byte-size';
import type { CookieRowProps } from './cookie-row';
import type { CopyAsProps } from './copy-as';

/** The row's own props: the body reads what it shows and does. */
export type RowBodyProps = CookieRowProps;

/** "Copy as" and the formats load when a row is first opened: they are not needed to open the popup. */
const useCopyAs = lazyModule(() => import('./copy-as'));

function LazyCopyAs(props: CopyAsProps) {
  const loaded = useCopyAs();
  return loaded ? <loaded.CopyAs {...props} /> : null;
}

/** The findings' full text (title, fix, why) loads when a row is first opened; the badges say enough before. */
const useFindingList = lazyModule(() => import('./finding-list'));

function LazyFindingList(props: { findings: readonly Finding[] }) {
  const loaded = useFindingList();
  return loaded ? <loaded.FindingList {...props} /> : null;
}

/** The value inspector and its decoders load when a row is first opened. */
const useInspector = lazyModule(() => import('./value-inspector'));

function LazyInspector(props: { value: string; now: number }) {
  const loaded = useInspector();
  return loaded ? <loaded.ValueInspector {...props} /> : null;
}

/** An open row's body: its actions first, then findings, details and value. */
export function RowBody({
  row,
  now,
  onEdit,
  onDuplicate,
  onDelete,
  onShowHeaders,
  locked,
  onProtect,
  pageUrl,
}: RowBodyProps) {
  const { cookie, findings } = row;
  const flags = flagList(cookie).join(' ');
  return (
    <div class="row-body">
      <div class="actions">
        <button type="button" onClick={() => onEdit(row)}>
          {t('edit')}
        </button>
        <button type="button" onClick={() => onDuplicate(row)}>
          {t('duplicate')}
        </button>
        <button type="button" class="danger" onClick={() => onDelete(row)}>
          {t('delete')}
        </button>
        {onProtect && (
          <button type="button" onClick={() => onProtect(row, !locked)}>
            {locked ? t('unprotect') : t('protect')}
          </button>
        )}
        {onShowHeaders && (
          <button type="button" onClick={() => onShowHeaders(row)}>
            {t('show_headers')}
          </button>
        )}
      </div>
      <LazyCopyAs cookies={[cookie]} pageUrl={pageUrl} />
      <LazyFindingList findings={findings} />
      <p class="meta">
        <span class="domain">{cookie.domain}</span>
        <span class="path">{cookie.path}</span>
        <span class="size">{byteSize(cookieSize(cookie))}</span>
        <span>{flags}</span>
        {cookie.partitionKey && (
          <span class="partition">{t('partitioned_in', partitionText(cookie.partitionKey))}</span>
        )}
      </p>
      <LazyInspector value={cookie.value} now={now} />
    </div>
  );
}
