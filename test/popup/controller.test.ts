import { describe, expect, it, vi } from 'vitest';
import type { Reply, RequestOf, RequestType, ResponseOf } from '../../src/messaging/protocol';
import type { PopupBackend } from '../../src/popup/context';
import { createPopupController } from '../../src/popup/controller';
import { DEFAULT_SETTINGS, type TokenMeta } from '../../src/storage/schema';
import { t } from '../fakes/strings';
import { NOW, server, token } from './render';

const DEMO = server('XNAT_DEMO', 'http://127.0.0.1:8080/xnat');
const CNDA = server('CNDA', 'https://cnda.example.org');

type Handler = {
  [K in RequestType]?: (payload: RequestOf<K>) => Promise<Reply<ResponseOf<K>>> | Reply<ResponseOf<K>>;
};

const mine = (id: number, minutes: number) => token(id, minutes, { yours: { since: NOW, why: 'copied' } });

const stored = {
  servers: [DEMO, CNDA],
  summaries: {
    [DEMO.id]: { yours: [mine(1, 60)], others: 0 },
    [CNDA.id]: { yours: [mine(1, 60)], others: 0 },
  },
  settings: DEFAULT_SETTINGS,
};

function backend(
  handlers: Handler,
  tab: { id: number; url: string } | null = null,
  looksLikeXnat = false,
  cached = stored,
) {
  const sent: [string, unknown][] = [];
  const b: PopupBackend & { sent: typeof sent } = {
    sent,
    cached: async () => cached,
    storedTokens: vi.fn(async () => [mine(1, 60), token(3, 90), token(4, 100)]),
    send: (async (type: RequestType, payload: unknown) => {
      sent.push([type, payload]);
      const handler = handlers[type] as ((p: unknown) => unknown) | undefined;
      return handler ? handler(payload) : { ok: false, failure: { kind: 'internal' } };
    }) as PopupBackend['send'],
    activeTab: async () => tab,
    tabLooksLikeXnat: async () => looksLikeXnat,
    requestHost: vi.fn(async () => true),
    hostGranted: vi.fn(async () => false),
    openTab: vi.fn(async () => {}),
    openOptions: vi.fn(async () => {}),
    now: () => NOW,
    t,
  };
  return b;
}

const ok = <T>(value: T) => ({ ok: true as const, value });
const listing = (s: typeof DEMO, tokens: ReturnType<typeof token>[], others = 0) =>
  ok({ server: s, tokens, others, foreign: 0, refused: 0, cached: false });
/** What the background replies to a copy: the token as it stored it (now the user's). */
const receipt = (format: 'curl' | 'curl-session', clearsInSeconds = 0, copied: TokenMeta | null = null) =>
  ok({ format, clearsInSeconds, account: 'alice', token: copied });

const basics: Handler = {
  'servers.list': () => ok([DEMO, CNDA]),
  'settings.get': () => ok(DEFAULT_SETTINGS),
  'tokens.list': ({ serverId }) =>
    listing(serverId === DEMO.id ? DEMO : CNDA, [mine(1, 60), mine(2, 120)], 2),
};

describe('opening the popup', () => {
  it('paints the stored list first, before any message, then makes one fresh request per server', async () => {
    const b = backend(basics);
    const c = createPopupController(b);
    const seen: [number, number][] = [];
    c.subscribe((s) => seen.push([s.sections[0]?.yours.length ?? -1, b.sent.length]));
    await c.load();
    expect(seen[0]).toEqual([1, 0]);
    expect(c.state.sections.map((s) => [s.yours.length, s.others])).toEqual([
      [2, 2],
      [2, 2],
    ]);
    expect(b.sent.filter(([type]) => type === 'tokens.list')).toHaveLength(2);
  });

  it('puts the current tab’s server first and collapses the others', async () => {
    const c = createPopupController(backend(basics, { id: 3, url: `${DEMO.id}/app/template/Index.vm` }));
    await c.load();
    expect(c.state.tab).toEqual({ kind: 'known', serverId: DEMO.id });
    expect(c.state.sections.map((s) => [s.server.siteId, s.collapsed])).toEqual([
      ['XNAT_DEMO', false],
      ['CNDA', true],
    ]);
  });

  it('opens every server from a tab that is not XNAT', async () => {
    const c = createPopupController(backend(basics, { id: 3, url: 'https://docs.example.org/' }));
    await c.load();
    expect(c.state.tab).toEqual({ kind: 'not-xnat' });
    expect(c.state.sections.every((s) => !s.collapsed)).toBe(true);
  });

  it('recognises an XNAT tab that has no grant yet', async () => {
    const c = createPopupController(
      backend(
        { ...basics, 'servers.list': () => ok([]) },
        { id: 3, url: 'https://new.example.org/xnat/app/template/Index.vm' },
        true,
      ),
    );
    await c.load();
    expect(c.state.tab).toEqual({
      kind: 'new-xnat',
      url: 'https://new.example.org/xnat/app/template/Index.vm',
      host: 'new.example.org',
      tabId: 3,
      granted: false,
    });
  });

  it('adds an unknown XNAT on a granted host in one click, without asking for access again', async () => {
    const b = backend(
      { ...basics, 'servers.list': () => ok([CNDA]), 'servers.add': () => ok({ server: DEMO, isNew: true }) },
      { id: 3, url: 'http://127.0.0.1:8443/xnat/app/template/Index.vm' },
      true,
    );
    b.hostGranted = vi.fn(async () => true);
    const c = createPopupController(b);
    await c.load();
    expect(c.state.tab).toMatchObject({ kind: 'new-xnat', granted: true });
    c.addTab();
    await vi.waitFor(() => expect(b.sent.some(([type]) => type === 'servers.add')).toBe(true));
    expect(b.requestHost).not.toHaveBeenCalled();
    expect(b.sent.map(([type]) => type)).not.toContain('servers.intend');
  });

  it('keeps each server’s failure to itself', async () => {
    const c = createPopupController(
      backend({
        ...basics,
        'tokens.list': ({ serverId }) =>
          serverId === CNDA.id
            ? { ok: false, failure: { kind: 'logged-out' } }
            : listing(DEMO, [token(1, 60)]),
      }),
    );
    await c.load();
    expect(c.state.sections.map((s) => s.failure?.kind ?? 'ok')).toEqual(['logged-out', 'ok']);
  });
});

describe('granting access', () => {
  it('asks for the host permission synchronously in the click, then adds the server', async () => {
    const b = backend(
      { ...basics, 'servers.list': () => ok([]), 'servers.add': () => ok({ server: DEMO, isNew: true }) },
      { id: 3, url: `${DEMO.id}/app/template/Index.vm` },
      true,
    );
    let toldBeforePrompt: unknown[] = [];
    b.requestHost = vi.fn(async () => {
      toldBeforePrompt = b.sent.map(([type, payload]) => [type, payload]);
      return true;
    });
    const c = createPopupController(b);
    await c.load();
    c.addTab();
    // Called before addTab returned: no await stood in between (Firefox needs the gesture).
    expect(b.requestHost).toHaveBeenCalledWith('http://127.0.0.1/*');
    // The background heard first what the grant is for, so it can finish if the popup closes.
    expect(toldBeforePrompt).toContainEqual([
      'servers.intend',
      { url: `${DEMO.id}/app/template/Index.vm`, tabId: 3 },
    ]);
    await vi.waitFor(() => expect(b.sent.some(([type]) => type === 'servers.add')).toBe(true));
    // The background decorates the tab that was open.
    expect(b.sent.find(([type]) => type === 'servers.add')).toEqual([
      'servers.add',
      { url: `${DEMO.id}/app/template/Index.vm`, tabId: 3 },
    ]);
  });

  it('says so when the user refuses', async () => {
    const b = backend({ ...basics, 'servers.list': () => ok([]) }, { id: 3, url: `${DEMO.id}/` }, true);
    b.requestHost = vi.fn(async () => false);
    const c = createPopupController(b);
    await c.load();
    c.addTab();
    await vi.waitFor(() =>
      expect(c.state.notice).toEqual({ kind: 'error', text: 'Access was not granted.' }),
    );
    // And the background drops what the grant was for: no later grant of the host acts on it.
    expect(b.sent).toContainEqual(['servers.cancelIntent', { url: `${DEMO.id}/` }]);
  });

  it('Add this XNAT passes the server’s address, never the tab’s query (a password-reset link holds a secret)', async () => {
    const reset = `${DEMO.id}/app/template/XDATScreen_UpdateUser.vm?a=61e4f5db-33e0-4f06-86e7-a59217d65f5c&s=SECRET#x`;
    const b = backend(
      { ...basics, 'servers.list': () => ok([]), 'servers.add': () => ok({ server: DEMO, isNew: true }) },
      { id: 3, url: reset },
      true,
    );
    const c = createPopupController(b);
    await c.load();
    c.addTab();
    await vi.waitFor(() => expect(b.sent.some(([type]) => type === 'servers.add')).toBe(true));
    const told = b.sent.filter(([type]) => type.startsWith('servers.') && type !== 'servers.list');
    expect(told).toEqual([
      ['servers.intend', { url: `${DEMO.id}/app/template/XDATScreen_UpdateUser.vm`, tabId: 3 }],
      ['servers.add', { url: `${DEMO.id}/app/template/XDATScreen_UpdateUser.vm`, tabId: 3 }],
    ]);
    expect(JSON.stringify(b.sent)).not.toContain('SECRET');
  });
});

describe('actions', () => {
  it('a double click on New token sends one create', async () => {
    let release: () => void = () => {};
    const b = backend({
      ...basics,
      'tokens.create': () =>
        new Promise((resolve) => {
          release = () =>
            resolve(
              ok({
                token: token(9, 2880, { createdHere: true, yours: { since: NOW, why: 'created' } }),
                copy: receipt('curl-session'),
              }),
            );
        }),
    });
    const c = createPopupController(b);
    await c.load();
    const first = c.create(DEMO.id);
    const second = c.create(DEMO.id);
    release();
    await Promise.all([first, second]);
    expect(b.sent.filter(([type]) => type === 'tokens.create')).toHaveLength(1);
    expect(c.state.sections[1]?.yours.map((tk) => tk.id)).toEqual([1, 2, 9]);
    expect(c.state.notice?.text).toBe(
      'New token created. Copied a curl script for 61e4f5db…0009: paste it into a terminal, or save it as a script and add your calls. XNAT account: alice.',
    );
    expect(c.state.clipboardHistoryNote).toBe(true);
  });

  it('warns once, ever, that clipboard history may keep copies', async () => {
    const b = backend({
      ...basics,
      'tokens.copy': () => receipt('curl'),
      'settings.set': () => ok(DEFAULT_SETTINGS),
    });
    const c = createPopupController(b);
    await c.load();
    await c.copy(DEMO.id, 1);
    await c.copy(DEMO.id, 1);
    expect(c.state.clipboardHistoryNote).toBe(true);
    expect(b.sent.filter(([type]) => type === 'settings.set')).toEqual([
      ['settings.set', { clipboardNoteShown: true }],
    ]);
    const later = createPopupController(
      backend({ ...basics, 'tokens.copy': () => receipt('curl') }, null, false, {
        ...stored,
        settings: { ...DEFAULT_SETTINGS, clipboardNoteShown: true },
      }),
    );
    await later.load();
    await later.copy(DEMO.id, 1);
    expect(later.state.clipboardHistoryNote).toBe(false);
  });

  it('a copy reports what was copied and when the clipboard clears', async () => {
    const c = createPopupController(
      backend({
        ...basics,
        'tokens.copy': () => receipt('curl', 30),
      }),
    );
    await c.load();
    await c.copy(DEMO.id, 1, 'curl');
    expect(c.state.notice).toEqual({
      kind: 'ok',
      text: 'Copied a curl command for 61e4f5db…0001: paste it into a terminal. XNAT account: alice. The clipboard clears in 30 s unless you copy something else.',
    });
  });

  it('copying one of the others shows it as the reply says: among the user’s tokens', async () => {
    const c = createPopupController(
      backend({
        ...basics,
        'tokens.copy': ({ tokenId }) =>
          receipt('curl', 0, token(tokenId, 90, { yours: { since: NOW, why: 'copied' } })),
      }),
    );
    await c.load();
    await c.toggleOthers(CNDA.id);
    expect(c.state.sections[0]?.otherTokens?.map((tk) => tk.id)).toEqual([3, 4]);
    await c.copy(CNDA.id, 3);
    const section = c.state.sections[0];
    expect(section?.yours.map((tk) => [tk.id, tk.yours?.why])).toEqual([
      [1, 'copied'],
      [3, 'copied'],
      [2, 'copied'],
    ]);
    expect([section?.otherTokens?.map((tk) => tk.id), section?.others]).toEqual([[4], 1]);
  });

  it('replacing shows the successor among the user’s tokens and the old one waiting to be deleted', async () => {
    const successor = token(9, 2880, { label: 'nightly', yours: { since: NOW, why: 'labelled' } });
    const old = token(1, 60, { deleteAt: NOW + 3600_000 });
    const c = createPopupController(
      backend({
        ...basics,
        'tokens.replace': () => ok({ token: successor, copy: receipt('curl', 0, successor), old }),
      }),
    );
    await c.load();
    await c.replace(DEMO.id, 1, 'in-1h');
    const section = c.state.sections.find((s) => s.server.id === DEMO.id);
    expect(section?.yours.map((tk) => [tk.id, tk.deleteAt ?? null])).toEqual([
      [1, NOW + 3600_000],
      [2, null],
      [9, null],
    ]);
    expect(c.state.notice?.text).toBe(
      'Replaced 61e4f5db…0001. Copied a curl command for nightly: paste it into a terminal. XNAT account: alice. The old token is deleted in 1 hour; Keep in its row stops that.',
    );
  });

  it('unwatching gives a token back to the others; watching takes it (as the replies say)', async () => {
    const c = createPopupController(
      backend({
        ...basics,
        'tokens.watch': ({ tokenId, watched }) =>
          ok(
            token(
              tokenId,
              tokenId === 1 ? 60 : 100,
              watched ? { yours: { since: NOW, why: 'watched' } } : {},
            ),
          ),
      }),
    );
    await c.load();
    await c.toggleOthers(CNDA.id);
    await c.watch(CNDA.id, 1, false);
    await c.watch(CNDA.id, 4, true);
    const section = c.state.sections[0];
    expect(section?.yours.map((tk) => tk.id)).toEqual([4, 2]);
    expect(section?.otherTokens?.map((tk) => tk.id)).toEqual([3, 1]);
  });

  it('a filter reads the other tokens from storage the first time, without asking the background', async () => {
    const b = backend(basics);
    const c = createPopupController(b);
    await c.load();
    const sent = b.sent.length;
    await c.setFilter(DEMO.id, '0004');
    expect(b.storedTokens).toHaveBeenCalledWith(DEMO.id, undefined);
    expect(b.sent).toHaveLength(sent);
    expect(c.state.sections[1]?.filter).toBe('0004');
  });

  it('a copy of a token XNAT no longer has refreshes the list', async () => {
    const b = backend({
      ...basics,
      'tokens.copy': () => ({ ok: false, failure: { kind: 'unknown-token' } }),
    });
    const c = createPopupController(b);
    await c.load();
    const before = b.sent.filter(([type]) => type === 'tokens.list').length;
    await c.copy(DEMO.id, 1);
    expect(c.state.notice).toEqual({ kind: 'error', text: t('failureUnknownToken') });
    expect(b.sent.filter(([type]) => type === 'tokens.list')).toHaveLength(before + 1);
  });

  it('delete drops the row; Open XNAT to log in opens the login page', async () => {
    const b = backend({ ...basics, 'tokens.delete': () => ok(null) });
    const c = createPopupController(b);
    await c.load();
    await c.remove(CNDA.id, 2);
    expect(c.state.sections[0]?.yours.map((tk) => tk.id)).toEqual([1]);
    c.openLogin(CNDA.id);
    expect(b.openTab).toHaveBeenCalledWith('https://cnda.example.org/app/template/Login.vm');
  });
});
