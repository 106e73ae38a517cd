/** DevTools page: creates the "Cookie Lens" panel, nothing else. */
import { browser } from '../src/ui/connect/browser-api';

void browser.devtools.panels.create('Cookie Lens', '/icons/icon-32.png', '/devtools/panel.html');
