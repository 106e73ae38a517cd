import type { StoreInfo } from '../../../messages';
import { t } from '../../i18n';

export interface StoreSwitchProps {
  stores: readonly StoreInfo[];
  current: string;
  onSwitch: (storeId: string) => void;
}

/** The cookie stores to choose from: normal, private when allowed, and each Firefox container with its colour. */
export function StoreSwitch({ stores, current, onSwitch }: StoreSwitchProps) {
  if (stores.length === 0) return null;
  return (
    <nav class="store-switch" aria-label={t('m_stores')}>
      {stores.map((store) => (
        <button
          key={store.id}
          type="button"
          class="store"
          data-store={store.id}
          data-kind={store.kind}
          aria-pressed={store.id === current}
          onClick={() => onSwitch(store.id)}
        >
          <span
            class={`swatch swatch-${store.kind}`}
            aria-hidden="true"
            style={store.color ? { background: store.color } : undefined}
          />
          {store.name}
        </button>
      ))}
    </nav>
  );
}
