/**
 * The one place where browser differences in the manifest live. `manifest.json` is the single
 * source (Chrome's shape plus Firefox's gecko settings); each build adapts it here.
 */
export type Target = 'chrome' | 'firefox';

type Manifest = Record<string, unknown> & {
  background: { service_worker: string; type?: string };
  browser_specific_settings?: unknown;
  side_panel?: { default_path: string };
  permissions?: string[];
  action?: { default_title?: string };
};

/** Firefox only: the manager's store switch lists each container by its name and colour. */
const FIREFOX_PERMISSIONS = ['contextualIdentities'];
/** Chrome only: Firefox's sidebar needs no permission. */
const CHROME_PERMISSIONS = ['sidePanel'];

/** Firefox's sidebar for Chrome's side panel: the same page, under Firefox's key. */
function sidebarFor(source: Manifest): Record<string, unknown> {
  const { side_panel } = source;
  if (!side_panel) return {};
  return {
    sidebar_action: {
      default_panel: side_panel.default_path,
      default_title: source.action?.default_title ?? 'Cookie Lens',
      // Firefox opens a new sidebar at install by default; Cookie Lens opens only when asked.
      open_at_install: false,
    },
  };
}

export function manifestFor(source: Manifest, target: Target): Record<string, unknown> {
  const { background, browser_specific_settings, ...rest } = source;
  if (target === 'chrome') {
    // Chrome warns about the unknown gecko key; it has no use for it.
    return { ...rest, background };
  }
  const { side_panel: _chromeOnly, ...firefox } = rest;
  // Firefox MV3 runs background scripts as an event page, not a service worker.
  return {
    ...firefox,
    ...sidebarFor(source),
    background: { scripts: [background.service_worker], type: background.type ?? 'module' },
    permissions: [...(source.permissions ?? []).filter((p) => !CHROME_PERMISSIONS.includes(p)), ...FIREFOX_PERMISSIONS],
    browser_specific_settings,
  };
}
