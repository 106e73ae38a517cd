/** DevTools page: creates the "Cookie Lens" panel, nothing else. */
import browser from 'webextension-polyfill';

void browser.devtools.panels.create('Cookie Lens', '/icons/icon-32.png', '/devtools/panel.html');
