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
    expect(manifestFor(source, 'firefox').permissions).toEqual([...source.permissions, 'contextualIdentities']);
    expect(manifestFor(source, 'chrome').permissions).not.toContain('contextualIdentities');
  });

  it('asks only for the permissions the extension uses', () => {
    expect(source.permissions).toEqual(['cookies', 'storage', 'webRequest']);
    expect(source.host_permissions).toEqual(['<all_urls>']);
    // Read Chrome's third-party cookie setting only once the user allows it (from the DevTools log view).
    expect(source.optional_permissions).toEqual(['privacy']);
    expect(source.content_security_policy.extension_pages).toContain("script-src 'self'");
  });
});
