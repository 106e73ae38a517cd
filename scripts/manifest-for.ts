/**
 * The one place where browser differences in the manifest live. `manifest.json` is the single
 * source (Chrome's shape plus Firefox's gecko settings); each build adapts it here.
 */
export type Target = 'chrome' | 'firefox';

type Manifest = Record<string, unknown> & {
  background: { service_worker: string; type?: string };
  browser_specific_settings?: unknown;
  permissions?: string[];
};

/** Firefox only: the manager's store switch lists each container by its name and colour. */
const FIREFOX_PERMISSIONS = ['contextualIdentities'];

export function manifestFor(source: Manifest, target: Target): Record<string, unknown> {
  const { background, browser_specific_settings, ...rest } = source;
  if (target === 'chrome') {
    // Chrome warns about the unknown gecko key; it has no use for it.
    return { ...rest, background };
  }
  // Firefox MV3 runs background scripts as an event page, not a service worker.
  return {
    ...rest,
    background: { scripts: [background.service_worker], type: background.type ?? 'module' },
    permissions: [...(source.permissions ?? []), ...FIREFOX_PERMISSIONS],
    browser_specific_settings,
  };
}
