// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, type TokenMeta } from '../../src/storage/schema';
import {
  readServers,
  readSettings,
  readSummary,
  readTokens,
  writeSettings,
  writeTokens,
} from '../../src/storage/store';
import { MemoryStore } from '../fakes/fake-deps';

const T0 = Date.UTC(2026, 11, 4);
const token = (id: number, extra: Partial<TokenMeta> = {}): TokenMeta => ({
  id,
  alias: `61e4f5db-33e0-4f06-86e7-${String(id).padStart(12, '0')}`,
  created: T0 + id,
  expiry: T0 + 100_000 + id,
  singleUse: false,
  createdHere: false,
  ...extra,
});

describe('reading checks what was stored', () => {
  it('drops servers and tokens that do not have the shape the extension writes', async () => {
    const store = new MemoryStore();
    await store.set({
      servers: {
        'https://h.org/xnat': {
          id: 'https://h.org/xnat',
          origin: 'https://h.org',
          contextPath: '/xnat',
          siteId: 'X',
          version: '1.8',
          clockOffsetMs: 0,
        },
        'https://evil.org': {
          id: 'https://other.org',
          origin: 'https://evil.org',
          contextPath: '',
          siteId: 'X',
          version: '1',
          clockOffsetMs: 0,
        },
        broken: 'yes',
      },
      'tokens:https://h.org/xnat': [
        token(1),
        { id: -1 },
        token(2, { yours: { since: 5, why: 'hacked' as never } }),
        'x',
      ],
    });
    expect(Object.keys(await readServers(store))).toEqual(['https://h.org/xnat']);
    expect((await readTokens(store, 'https://h.org/xnat')).map((t) => t.id)).toEqual([1]);
  });

  it('settings: invalid values fall back to their defaults', async () => {
    const store = new MemoryStore();
    await store.set({
      settings: { version: 2, defaultFormat: 'rm -rf', clipboardClearSeconds: -5, remindAbout: 'all' },
    });
    expect(await readSettings(store)).toEqual({ ...DEFAULT_SETTINGS, remindAbout: 'all' });
  });
});

describe('the default format', () => {
  it('is the one-line curl command', () => {
    expect(DEFAULT_SETTINGS.defaultFormat).toBe('curl');
  });

  it('reaches users of the first release who never chose one (it stored every setting on any save)', async () => {
    const store = new MemoryStore();
    await store.set({
      settings: { ...DEFAULT_SETTINGS, defaultFormat: 'curl-session', clipboardNoteShown: true },
    });
    expect(await readSettings(store)).toMatchObject({ defaultFormat: 'curl', clipboardNoteShown: true });
  });

  it('keeps a format a user of the first release did choose, and any choice made since', async () => {
    const store = new MemoryStore();
    await store.set({ settings: { ...DEFAULT_SETTINGS, defaultFormat: 'xnatpy' } });
    expect((await readSettings(store)).defaultFormat).toBe('xnatpy');
    await writeSettings(store, { defaultFormat: 'curl-session' });
    expect((await readSettings(store)).defaultFormat).toBe('curl-session');
    expect(await store.get('settings')).toMatchObject({ defaultFormat: 'curl-session', version: 2 });
  });
});

describe('token lists', () => {
  it('write a summary beside the list: the tokens the user uses, soonest expiry first, and a count of the rest', async () => {
    const store = new MemoryStore();
    const list = [
      token(1),
      token(2, { yours: { since: 1, why: 'copied' }, expiry: T0 + 9 }),
      token(3, { yours: { since: 1, why: 'watched' }, expiry: T0 + 5 }),
    ];
    await writeTokens(store, 's', undefined, list);
    expect(await readSummary(store, 's')).toEqual({ yours: [list[2], list[1]], others: 1 });
  });

  it('are not rewritten when nothing changed', async () => {
    const store = new MemoryStore();
    const set = vi.spyOn(store, 'set');
    const list = [token(1), token(2)];
    await writeTokens(store, 's', undefined, list);
    await writeTokens(store, 's', undefined, structuredClone(list), list);
    expect(set).toHaveBeenCalledTimes(1);
    await writeTokens(store, 's', undefined, [token(1)], list);
    expect(set).toHaveBeenCalledTimes(2);
  });
});
