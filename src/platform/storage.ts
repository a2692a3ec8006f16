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
