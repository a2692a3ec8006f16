// @vitest-environment node
// Router table tests: malformed messages, unknown types and forged senders are refused and cause
// no request to XNAT; a fuzzed router only ever fetches known server + fixed path URLs.
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Sender } from '../../src/background/router';
import { EXTENSION_ID, EXTENSION_ORIGIN } from '../fakes/fake-deps';
import { seeded } from '../fakes/property';
import { type Harness, harness, POPUP, pageSender, value } from './harness';

let h: Harness;
let serverId: string;
let tokenId: number;
beforeAll(async () => {
  h = await harness();
  serverId = await h.addServer();
});
afterAll(async () => {
  await h.stop();
});
beforeEach(() => {
  tokenId = h.xnat.control.seedToken().id;
  h.deps.fetched.length = 0;
  h.deps.clipboardWrites.length = 0;
});

describe('malformed messages', () => {
  it.each([
    ['nothing', undefined],
    ['a string', 'tokens.list'],
    ['no payload', { type: 'tokens.list' }],
    ['an unknown type', { type: 'tokens.steal', payload: {} }],
    ['a prototype key as type', { type: '__proto__', payload: {} }],
    ['a payload that is an array', { type: 'servers.list', payload: [] }],
    ['an extra envelope key', { type: 'servers.list', payload: {}, extra: 1 }],
    ['an extra payload key', { type: 'tokens.list', payload: { serverId: 'x', url: 'https://evil/' } }],
    ['a serverId that is a number', { type: 'tokens.list', payload: { serverId: 1 } }],
    ['a negative token id', { type: 'tokens.copy', payload: { serverId: 'x', tokenId: -1 } }],
    ['a fractional token id', { type: 'tokens.delete', payload: { serverId: 'x', tokenId: 1.5 } }],
    ['an unknown format', { type: 'tokens.copy', payload: { serverId: 'x', tokenId: 1, format: 'bash -c' } }],
    ['a bad setting', { type: 'settings.set', payload: { requestPath: "/x'; rm" } }],
    ['an unknown setting', { type: 'settings.set', payload: { secret: 'x' } }],
  ])('refuses %s without a request', async (_, message) => {
    expect(await h.route(message, POPUP)).toMatchObject({ ok: false, failure: { kind: 'bad-request' } });
    expect(h.deps.fetched).toEqual([]);
  });
});

describe('forged senders', () => {
  const list = { type: 'tokens.list', payload: { serverId: '' } };
  const copy = () => ({ type: 'tokens.copy', payload: { serverId, tokenId } });
  const senders: [string, Sender][] = [
    ['another extension', { ...POPUP, id: 'someoneelse' }],
    ['no id', { url: POPUP.url }],
    ['a web page pretending to be the popup', pageSender('https://evil.example/src/popup/index.html')],
    ['a content script on the XNAT page', pageSender('http://127.0.0.1/')],
    [
      'a page whose URL merely contains the extension origin',
      { id: EXTENSION_ID, url: `https://evil.example/?${EXTENSION_ORIGIN}/` },
    ],
  ];

  it.each(senders)('privileged requests from %s are refused', async (_, sender) => {
    const message = copy();
    message.payload.serverId = serverId;
    list.payload.serverId = serverId;
    expect(await h.route(message, sender)).toMatchObject({ ok: false, failure: { kind: 'not-allowed' } });
    expect(await h.route(list, sender)).toMatchObject({ ok: false, failure: { kind: 'not-allowed' } });
    expect(h.deps.fetched).toEqual([]);
    expect(h.deps.clipboardWrites).toEqual([]);
  });

  it('page requests from a sub-frame are refused', async () => {
    const reply = await h.route(
      { type: 'page.copy', payload: { tokenId } },
      pageSender(`${h.xnat.url}/app/template/XDATScreen_UpdateUser.vm`, 3),
    );
    expect(reply).toMatchObject({ ok: false, failure: { kind: 'not-allowed' } });
    expect(h.deps.fetched).toEqual([]);
  });

  it('page requests from the popup are refused (they need a page)', async () => {
    expect(await h.route({ type: 'page.copy', payload: { tokenId } }, POPUP)).toMatchObject({
      ok: false,
      failure: { kind: 'not-allowed' },
    });
  });

  it('a tab on another, ungranted server learns nothing and causes no request', async () => {
    for (const url of [
      'https://evil.example/xnat/app/template/XDATScreen_UpdateUser.vm',
      'http://localhost:1/xnat/',
    ]) {
      const reply = await h.route({ type: 'page.copy', payload: { tokenId } }, pageSender(url));
      expect(reply).toMatchObject({ ok: false, failure: { kind: 'unknown-server' } });
    }
    expect(h.deps.fetched).toEqual([]);
  });

  it('a tab on the server may copy its own tokens, and the reply carries no secret', async () => {
    const reply = await h.route(
      { type: 'page.copy', payload: { tokenId } },
      pageSender(`${h.xnat.url}/app/template/XDATScreen_UpdateUser.vm`),
    );
    expect(value(reply as never)).toMatchObject({ format: 'curl' });
    const secret = h.xnat.control.state.tokens.get(tokenId)?.secret ?? '';
    expect(JSON.stringify(reply)).not.toContain(secret);
    expect(h.deps.clipboardWrites[0]).toContain(secret);
  });
});

describe('fuzzing', () => {
  it('whatever arrives, every URL fetched is a known server plus a fixed path', async () => {
    const allowed =
      /^http:\/\/127\.0\.0\.1:\d+\/xnat\/(data\/services\/tokens\/(show|issue|invalidate\/\d+)\?format=json|xapi\/users\/username|xapi\/containers\?format=json|xapi\/siteConfig\/(buildInfo|siteId))$/;
    const types = [
      'tokens.list',
      'tokens.copy',
      'tokens.delete',
      'tokens.create',
      'tokens.label',
      'page.copy',
      'page.tokens',
      'page.hello',
      'settings.set',
    ];
    // Mostly plausible values, so that requests get past the guards and reach XNAT.
    const payload = fc.record(
      {
        serverId: fc.constantFrom(serverId, `${serverId}/../admin`, 'http://127.0.0.1:1/xnat', ''),
        tokenId: fc.oneof(fc.constantFrom(tokenId, 0, 99_999), fc.integer({ min: -2, max: 50 })),
        format: fc.constantFrom('curl', 'cmd', 'xnatpy', 'rm -rf'),
        copy: fc.boolean(),
        ids: fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 3 }),
        label: fc.string(),
        url: fc.constantFrom(`${h.xnat.url}/`, 'https://evil.example/', 'javascript:alert(1)'),
        requestPath: fc.string(),
      },
      { requiredKeys: [] },
    );
    const keysOf: Record<string, string[]> = {
      'tokens.list': ['serverId'],
      'tokens.copy': ['serverId', 'tokenId', 'format'],
      'tokens.delete': ['serverId', 'tokenId'],
      'tokens.create': ['serverId', 'copy', 'format'],
      'tokens.label': ['serverId', 'tokenId', 'label'],
      'page.copy': ['tokenId', 'format'],
      'page.tokens': ['ids'],
      'page.hello': [],
      'settings.set': ['requestPath'],
    };
    const fuzzed = fc.tuple(fc.constantFrom(...types), payload, fc.boolean()).map(([type, p, trim]) => ({
      type,
      // Half the time only the keys the type takes, so that many messages get through the guards.
      payload: trim ? Object.fromEntries(Object.entries(p).filter(([k]) => keysOf[type]?.includes(k))) : p,
    }));
    // And a share of messages that are well formed for the server: without them a run could, by
    // chance, send nothing past the guards and prove nothing about the URLs fetched.
    const toXnat = pageSender(`${h.xnat.url}/app/template/XDATScreen_UpdateUser.vm`);
    const senders = fc.constantFrom<Sender>(POPUP, toXnat, pageSender('https://evil.example/'));
    const wellFormed = fc.oneof(
      fc.constant([{ type: 'tokens.list', payload: { serverId } }, POPUP] as const),
      fc.constant([{ type: 'page.tokens', payload: { ids: [99_999] } }, toXnat] as const),
      fc
        .constantFrom(tokenId, 99_999)
        .map((id) => [{ type: 'tokens.copy', payload: { serverId, tokenId: id } }, POPUP] as const),
    );
    let reachedXnat = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof({ arbitrary: fc.tuple(fuzzed, senders), weight: 4 }, { arbitrary: wellFormed, weight: 1 }),
        async ([m, sender]) => {
          const before = h.deps.fetched.length;
          await h.route(m, sender);
          await h.deps.settle();
          if (h.deps.fetched.length > before) reachedXnat += 1;
          expect(h.deps.fetched.slice(before).filter((url) => !allowed.test(url))).toEqual([]);
        },
      ),
      seeded(150),
    );
    expect(reachedXnat).toBeGreaterThan(10);
    expect(h.deps.fetched.filter((url) => !allowed.test(url))).toEqual([]);
  });
});
