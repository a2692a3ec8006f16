// storage.local and storage.session as small key-value stores.
import browser from './browser';

export function storageArea(name: 'local' | 'session') {
  const area = browser.storage[name];
  return {
    async get<T>(key: string): Promise<T | undefined> {
      return (await area.get(key))[key] as T | undefined;
    },
    set: (items: Record<string, unknown>) => area.set(items),
    remove: (keys: string[]) => area.remove(keys),
  };
}

/**
 * storage.local for the extension's own pages and worker only, where the browser allows it (Chromium:
 * `setAccessLevel` on local; Firefox supports it for session alone and keeps local readable by the
 * page script's world, ARCHITECTURE.md "What each context can read"). The setting does not persist
 * across updates everywhere, so every worker start sets it again. True when the browser took it.
 */
export async function keepLocalStorageFromPages(): Promise<boolean> {
  if (typeof chrome === 'undefined' || typeof chrome.storage?.local?.setAccessLevel !== 'function')
    return false;
  try {
    await chrome.storage.local.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
    return true;
  } catch {
    return false;
  }
}
