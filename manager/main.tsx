/** Cookie manager entry (the options page): every cookie of one store; `?store=<id>` picks it, else the normal store. */
import { render } from 'preact';
import { ManagerPage } from '../src/ui/components/manager/manager-page';
import { storeConnector } from '../src/ui/connect/store-connector';
import { storeFromSearch } from '../src/ui/manager-model';
import '../src/ui/styles.css';
import '../src/ui/sheets.css';
import '../src/ui/manager.css';
import { t, uiLocale } from '../src/ui/i18n';

const connector = storeConnector();
document.documentElement.lang = uiLocale();
document.title = t('m_page_title');
const app = document.getElementById('app');

async function start(target: HTMLElement) {
  let storeId = storeFromSearch(location.search);
  if (storeId === undefined) {
    try {
      const stores = await connector.stores();
      storeId = (stores.find((s) => s.kind === 'default') ?? stores[0])?.id;
    } catch (error) {
      target.textContent = t('m_stores_failed', error instanceof Error ? error.message : String(error));
      return;
    }
  }
  const keepInAddress = (id: string) => {
    const url = new URL(location.href);
    url.searchParams.set('store', id);
    history.replaceState(null, '', url);
  };
  render(<ManagerPage connector={connector} storeId={storeId ?? '0'} onStoreChange={keepInAddress} />, target);
}

if (app) void start(app);
