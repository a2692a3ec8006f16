import { describe, expect, it, vi } from 'vitest';
import type { Reply, RequestOf, RequestType, ResponseOf } from '../../src/messaging/protocol';
import { createOptionsController, type OptionsBackend } from '../../src/options/controller';
import { DEFAULT_SETTINGS } from '../../src/storage/schema';
import { t } from '../fakes/strings';
import { server } from '../popup/render';

const DEMO = server('XNAT_DEMO', 'https://xnat.example.org/xnat');
const ok = <T>(value: T) => ({ ok: true as const, value });

type Handlers = {
  [K in RequestType]?: (payload: RequestOf<K>) => Reply<ResponseOf<K>> | Promise<Reply<ResponseOf<K>>>;
};

function backend(handlers: Handlers, granted = true, clipboardGrant = true) {
  const sent: [string, unknown][] = [];
  const prompts: { pattern: string; toldFirst: string[] }[] = [];
  const b: OptionsBackend = {
    send: (async (type: RequestType, payload: unknown) => {
      sent.push([type, payload]);
      const handler = handlers[type] as ((p: unknown) => unknown) | undefined;
      return handler ? handler(payload) : { ok: false, failure: { kind: 'internal' } };
    }) as OptionsBackend['send'],
    requestHost: vi.fn(async (pattern: string) => {
      prompts.push({ pattern, toldFirst: sent.map(([type]) => type) });
      return granted;
    }),
    requestClipboardRead: vi.fn(async () => clipboardGrant),
    canReadClipboard: vi.fn(async () => false),
    t,
  };
  return { b, sent, prompts };
}

const basics: Handlers = {
  'servers.list': () => ok([]),
  'settings.get': () => ok({ ...DEFAULT_SETTINGS }),
  'servers.intend': () => ok(null),
};

describe('adding a server from the settings', () => {
  it('asks for that host in the click, then adds the server by the address the user pasted', async () => {
    let known: (typeof DEMO)[] = [];
    const { b, sent, prompts } = backend({
      ...basics,
      'servers.list': () => ok(known),
      'servers.add': () => {
        const isNew = known.length === 0;
        known = [DEMO];
        return ok({ server: DEMO, isNew });
      },
    });
    const c = createOptionsController(b);
    await c.load();
    c.addServer('  https://xnat.example.org/xnat/app/template/XDATScreen_UpdateUser.vm#tab=alias-token-tab ');
    expect(prompts).toEqual([
      {
        pattern: 'https://xnat.example.org/*',
        toldFirst: ['servers.list', 'settings.get', 'servers.intend'],
      },
    ]);
    expect(c.state.adding).toBe(true);
    await vi.waitFor(() => expect(c.state.servers).toEqual([DEMO]));
    expect(sent).toContainEqual([
      'servers.add',
      { url: 'https://xnat.example.org/xnat/app/template/XDATScreen_UpdateUser.vm' },
    ]);
    expect(c.state).toMatchObject({
      adding: false,
      feedback: { field: 'servers', kind: 'ok', text: 'Added XNAT_DEMO (xnat.example.org/xnat).' },
    });
    // The same server again, by another of its addresses, says so.
    c.addServer('xnat.example.org/xnat/data/projects?format=csv');
    await vi.waitFor(() =>
      expect(c.state.feedback?.text).toBe('XNAT_DEMO (xnat.example.org/xnat) is already added.'),
    );
  });

  it('says so beside the field when the address cannot be a web address, and asks for nothing', async () => {
    const { b, prompts } = backend(basics);
    const c = createOptionsController(b);
    await c.load();
    c.addServer('not a url');
    expect(prompts).toEqual([]);
    expect(c.state.feedback).toEqual({ field: 'servers', kind: 'error', text: t('failureBadUrl') });
  });

  it('says so when access is refused, and adds nothing', async () => {
    const { b, sent } = backend(basics, false);
    const c = createOptionsController(b);
    await c.load();
    c.addServer('xnat.example.org');
    await vi.waitFor(() => expect(c.state.adding).toBe(false));
    expect(c.state.feedback).toEqual({ field: 'servers', kind: 'error', text: 'Access was not granted.' });
    expect(sent.map(([type]) => type)).not.toContain('servers.add');
    expect(sent).toContainEqual(['servers.cancelIntent', { url: 'https://xnat.example.org/' }]);
  });

  it('words a failed detection by its kind', async () => {
    const { b } = backend({ ...basics, 'servers.add': () => ({ ok: false, failure: { kind: 'not-xnat' } }) });
    const c = createOptionsController(b);
    await c.load();
    c.addServer('https://www.example.org/');
    await vi.waitFor(() => expect(c.state.adding).toBe(false));
    expect(c.state.feedback).toEqual({
      field: 'servers',
      kind: 'error',
      text: 'No XNAT was found at this address.',
    });
  });
});

describe('saving a setting', () => {
  it('turning auto-clear on asks, in that gesture, to read the clipboard; refused, nothing is saved', async () => {
    const { b, sent } = backend(basics, true, false);
    const c = createOptionsController(b);
    await c.load();
    c.save({ clipboardClearSeconds: 30 }, 'autoClear');
    expect(b.requestClipboardRead).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(c.state.feedback?.kind).toBe('error'));
    expect(c.state.feedback).toEqual({
      field: 'autoClear',
      kind: 'error',
      text: t('optionsAutoClearNeedsRead'),
    });
    expect(sent.map(([type]) => type)).not.toContain('settings.set');
  });

  it('turning auto-clear off asks for nothing', async () => {
    const { b } = backend({ ...basics, 'settings.set': (patch) => ok({ ...DEFAULT_SETTINGS, ...patch }) });
    const c = createOptionsController(b);
    await c.load();
    c.save({ clipboardClearSeconds: 0 }, 'autoClear');
    await vi.waitFor(() => expect(c.state.feedback?.text).toBe('Saved.'));
    expect(b.requestClipboardRead).not.toHaveBeenCalled();
  });

  it('keeps what the background saved and confirms beside that field', async () => {
    const { b } = backend({ ...basics, 'settings.set': (patch) => ok({ ...DEFAULT_SETTINGS, ...patch }) });
    const c = createOptionsController(b);
    await c.load();
    c.save({ clipboardClearSeconds: 60 }, 'autoClear');
    await vi.waitFor(() => expect(c.state.settings?.clipboardClearSeconds).toBe(60));
    expect(c.state.feedback).toEqual({ field: 'autoClear', kind: 'ok', text: 'Saved.' });
  });
});
