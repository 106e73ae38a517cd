/**
 * Small preferences of the pages (the last export format), in `storage.local`, so the popup, the
 * DevTools panel and the next opening agree. Where there is no extension storage (unit tests, a demo
 * page) they live in memory for the page's lifetime.
 */
import { browser } from './browser-api';

const memory = new Map<string, unknown>();

function local() {
  return (browser as typeof browser | undefined)?.storage?.local;
}

export async function loadPref(key: string): Promise<unknown> {
  const storage = local();
  if (!storage) return memory.get(key);
  try {
    return (await storage.get(key))[key];
  } catch {
    return memory.get(key);
  }
}

export async function savePref(key: string, value: unknown): Promise<void> {
  memory.set(key, value);
  try {
    await local()?.set({ [key]: value });
  } catch {
    // Kept in memory: a preference that cannot be stored is not worth an error.
  }
}

/** The key of the last format chosen in any "Copy as" or export menu. */
export const EXPORT_FORMAT_PREF = 'exportFormat';
