import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { manifestFor } from '../../../scripts/manifest-for';

const source = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../manifest.json'), 'utf8'));

describe('manifestFor', () => {
  it('gives Chrome a service worker and no gecko settings', () => {
    const m = manifestFor(source, 'chrome');
    expect(m.background).toEqual({ service_worker: 'src/background/index.ts', type: 'module' });
    expect(m).not.toHaveProperty('browser_specific_settings');
    expect(m.permissions).toEqual(source.permissions);
  });

  it('gives Firefox background scripts and a stable gecko id with data collection permissions', () => {
    const m = manifestFor(source, 'firefox') as {
      background: unknown;
      browser_specific_settings: { gecko: { id: string; data_collection_permissions: unknown } };
    };
    expect(m.background).toEqual({ scripts: ['src/background/index.ts'], type: 'module' });
    expect(m.browser_specific_settings.gecko.id).toBe('cookie-lens@cookielens.dev');
    expect(m.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
  });

  it('gives Firefox alone the containers permission (the manager lists containers by name and colour)', () => {
    // Chrome's sidePanel aside (Firefox's sidebar needs no permission).
    expect(manifestFor(source, 'firefox').permissions).toEqual([
      ...source.permissions.filter((p: string) => p !== 'sidePanel'),
      'contextualIdentities',
    ]);
    expect(manifestFor(source, 'chrome').permissions).not.toContain('contextualIdentities');
  });

  it('asks only for the permissions the extension uses', () => {
    // sidePanel: Chrome's side panel (Firefox's sidebar needs no permission).
    expect(source.permissions).toEqual(['cookies', 'storage', 'webRequest', 'sidePanel']);
    expect(source.host_permissions).toEqual(['<all_urls>']);
    // Read Chrome's third-party cookie setting only once the user allows it (from the DevTools log view).
    expect(source.optional_permissions).toEqual(['privacy']);
    expect(source.content_security_policy.extension_pages).toContain("script-src 'self'");
  });

  it('opens the manager page as the options page, in a tab, in both browsers', () => {
    for (const target of ['chrome', 'firefox'] as const) {
      expect(manifestFor(source, target).options_ui).toEqual({ page: 'manager/index.html', open_in_tab: true });
    }
  });

  it("gives Chrome the side panel and Firefox the same page as its sidebar, without Chrome's key or permission", () => {
    const chrome = manifestFor(source, 'chrome') as { side_panel: unknown; permissions: string[] };
    expect(chrome.side_panel).toEqual({ default_path: 'sidepanel/index.html' });
    expect(chrome.permissions).toContain('sidePanel');
    const firefox = manifestFor(source, 'firefox') as { sidebar_action: unknown; permissions: string[] };
    expect(firefox.sidebar_action).toEqual({
      default_panel: 'sidepanel/index.html',
      default_title: '__MSG_extActionTitle__',
      open_at_install: false,
    });
    expect(firefox).not.toHaveProperty('side_panel');
    expect(firefox.permissions).not.toContain('sidePanel');
    expect(firefox.permissions).toEqual(expect.arrayContaining(['cookies', 'storage', 'webRequest']));
  });
});
