// @vitest-environment node
// Grants, revocations and start-up reconciliation, with the fake browser.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { onPermissionsRemoved, reconcile } from '../../src/background/grants';
import { onPermissionsAdded } from '../../src/background/intents';
import { start } from '../xnat-server/server';
import { type Harness, harness, value } from './harness';

const HOST = 'http://127.0.0.1/*';
let h: Harness;
let serverId: string;
beforeEach(async () => {
  h = await harness();
  serverId = await h.addServer();
  h.xnat.control.seedToken();
  value(await h.ask('tokens.list', { serverId }));
});
afterEach(async () => {
  await h.stop();
});

describe('revoking a grant', () => {
  it('through permissions.onRemoved purges the server, its tokens, reminders, alarm, badge and registration', async () => {
    const token = h.xnat.control.seedToken({ expires: Date.now() + 20 * 60_000 });
    value(await h.ask('tokens.copy', { serverId, tokenId: token.id }));
    expect(h.deps.badgeState.count).toBe(1);
    h.deps.granted.delete(HOST);
    await onPermissionsRemoved(h.deps, [HOST]);
    // The reminder schedule follows the change, a moment after it.
    await h.deps.settle();
    expect(h.deps.local.dump()).not.toContain(serverId);
    expect(h.deps.registered.size).toBe(0);
    expect(h.deps.alarmsSet.size).toBe(0);
    expect(h.deps.badgeState.count).toBe(0);
  });

  it('without an event (Chrome’s site-access menu) is noticed the next time servers are listed', async () => {
    h.deps.granted.delete(HOST);
    expect(value(await h.ask('servers.list', {}))).toEqual([]);
    expect(h.deps.local.dump()).not.toContain(serverId);
    expect(h.deps.registered.size).toBe(0);
  });

  it('of another host leaves this server alone', async () => {
    await onPermissionsRemoved(h.deps, ['https://other.example.org/*']);
    expect(value(await h.ask('servers.list', {})).map((s) => s.id)).toEqual([serverId]);
  });
});

describe('a new grant', () => {
  it('adds the server the user asked for and decorates the tab they were on, with no view open', async () => {
    value(await h.ask('servers.remove', { serverId }));
    h.deps.granted.clear();
    h.deps.registered.clear();
    const pageUrl = `${h.xnat.url}/app/template/Index.vm`;
    value(await h.ask('servers.intend', { url: pageUrl, tabId: 5 }));
    // The view closed while the browser asked; the grant arrives at the background alone.
    h.deps.granted.add(HOST);
    await onPermissionsAdded(h.deps, [HOST]);
    expect(value(await h.ask('servers.list', {})).map((s) => s.id)).toEqual([serverId]);
    expect([...h.deps.registered]).toEqual([HOST]);
    expect(h.deps.injected).toEqual([5]);
  });

  it('without an intent adds nothing and registers nothing', async () => {
    value(await h.ask('servers.remove', { serverId }));
    h.deps.granted.add('https://xnat.example.org/*');
    await onPermissionsAdded(h.deps, ['https://xnat.example.org/*', 'https://*/*', '<all_urls>']);
    expect(value(await h.ask('servers.list', {}))).toEqual([]);
    expect(h.deps.registered.size).toBe(0);
  });

  it('an intent lives about as long as a permission prompt: one left for 3 minutes is not acted on', async () => {
    value(await h.ask('servers.remove', { serverId }));
    h.deps.granted.clear();
    value(await h.ask('servers.intend', { url: `${h.xnat.url}/` }));
    const now = Date.now();
    h.deps.now = () => now + 3 * 60_000;
    h.deps.granted.add(HOST);
    await onPermissionsAdded(h.deps, [HOST]);
    expect(value(await h.ask('servers.list', {}))).toEqual([]);
  });

  it('an add the user never finished is not carried out by a later grant of the same host', async () => {
    value(await h.ask('servers.remove', { serverId }));
    h.deps.granted.clear();
    const lookAlike = await start({ contextPath: '/xnat', siteId: 'XNAT' });
    // Started, and the prompt left unanswered (the popup closed); then the real XNAT on the same host.
    value(await h.ask('servers.intend', { url: `${lookAlike.url}/` }));
    value(await h.ask('servers.intend', { url: `${h.xnat.url}/` }));
    h.deps.granted.add(HOST);
    await onPermissionsAdded(h.deps, [HOST]);
    expect(value(await h.ask('servers.list', {})).map((s) => s.id)).toEqual([serverId]);
    expect(lookAlike.control.requestCount()).toBe(0);
    await lookAlike.stop();
  });

  it('an intent the user said no to is dropped: a later grant from elsewhere does not act on it', async () => {
    value(await h.ask('servers.remove', { serverId }));
    h.deps.granted.clear();
    value(await h.ask('servers.intend', { url: `${h.xnat.url}/` }));
    value(await h.ask('servers.cancelIntent', { url: `${h.xnat.url}/` }));
    h.deps.granted.add(HOST);
    await onPermissionsAdded(h.deps, [HOST]);
    expect(value(await h.ask('servers.list', {}))).toEqual([]);
  });
});

describe('start-up reconciliation', () => {
  it('re-registers a lost registration for a granted server', async () => {
    h.deps.registered.clear();
    await reconcile(h.deps);
    expect([...h.deps.registered]).toEqual([HOST]);
  });

  it('drops registrations and servers whose grant went away while the worker was gone', async () => {
    h.deps.registered.add('https://gone.example.org/*');
    h.deps.granted.delete(HOST);
    await reconcile(h.deps);
    expect(h.deps.registered.size).toBe(0);
    expect(h.deps.local.dump()).not.toContain(serverId);
  });

  it('drops a registration for a granted host with no known server: no page there may introduce itself', async () => {
    h.deps.granted.add('https://new.example.org/*');
    h.deps.registered.add('https://new.example.org/*');
    await reconcile(h.deps);
    expect([...h.deps.registered]).toEqual([HOST]);
  });
});

describe('a page never introduces a server', () => {
  const hello = (pageUrl: string) =>
    h.route(
      { type: 'page.hello', payload: {} },
      { id: h.deps.extensionId, url: pageUrl, frameId: 0, tab: { id: 1, url: pageUrl } },
    );

  it('the known server’s page is greeted', async () => {
    const pageUrl = `${h.xnat.url}/app/template/XDATScreen_UpdateUser.vm#tab=alias-token-tab`;
    expect(await hello(pageUrl)).toEqual({
      ok: true,
      value: { serverId, defaultFormat: 'curl', openTokenTab: false },
    });
  });

  it('an XNAT-looking page on another port or path of the granted host gets nothing, and is not added', async () => {
    const lookAlike = await start({ contextPath: '/xnat', siteId: 'XNAT' });
    for (const pageUrl of [
      `${lookAlike.url}/app/template/Index.vm`,
      `${h.xnat.origin}/other/app/template/Index.vm`,
    ])
      expect(await hello(pageUrl)).toEqual({ ok: true, value: null });
    expect(value(await h.ask('servers.list', {})).map((s) => s.id)).toEqual([serverId]);
    expect(lookAlike.control.requestCount()).toBe(0);
    await lookAlike.stop();
  });
});
