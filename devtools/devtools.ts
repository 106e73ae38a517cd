/** DevTools page: creates the "Cookie Lens" panel, nothing else. */
import { browser } from '../src/ui/connect/browser-api';
import { t } from '../src/ui/i18n';

void browser.devtools.panels.create(t('extName'), '/icons/icon-32.png', '/devtools/panel.html');
