// A background wired to fakes and to a simulated XNAT, and a helper to talk to it as the popup or a page.
import { createRequests } from '../../src/background/requests';
import { createRouter, type Sender } from '../../src/background/router';
import type { Reply, RequestOf, RequestType, ResponseOf } from '../../src/messaging/protocol';
import { cookieJarFetch, type JarFetch, logIn } from '../fakes/cookie-jar-fetch';
import { EXTENSION_ID, EXTENSION_ORIGIN, type FakeDeps, fakeDeps } from '../fakes/fake-deps';
import { ADMIN_USER, DEMO_USER, type RunningXnat, type StartOptions, start } from '../xnat-server/server';

export const POPUP: Sender = { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}/src/popup/index.html` };

export function pageSender(url: string, frameId = 0): Sender {
  return { id: EXTENSION_ID, url, frameId, tab: { id: 7, url } };
}

export interface Harness {
  xnat: RunningXnat;
  browser: JarFetch;
  deps: FakeDeps;
  ask<K extends RequestType>(type: K, payload: RequestOf<K>, sender?: Sender): Promise<Reply<ResponseOf<K>>>;
  route(message: unknown, sender: Sender): Promise<Reply<unknown>>;
  /** Adds the simulated server through the popup's flow and returns its id. */
  addServer(xnat?: RunningXnat): Promise<string>;
  stop(): Promise<void>;
}

export async function harness(
  options: StartOptions = {},
  deps?: (fetch: JarFetch) => FakeDeps,
): Promise<Harness> {
  const xnat = await start({ contextPath: '/xnat', ...options });
  const browser = cookieJarFetch();
  await logIn(browser, xnat.url);
  const d = deps ? deps(browser) : fakeDeps(browser, { granted: ['http://127.0.0.1/*'] });
  const route = createRouter(d, createRequests(d));
  // Each answer is read once the work the handler left for after its reply is done, as a user who
  // looks a moment later would see it.
  const ask = async <K extends RequestType>(type: K, payload: RequestOf<K>, sender: Sender = POPUP) => {
    const reply = (await route({ type, payload }, sender)) as Reply<ResponseOf<K>>;
    await d.settle();
    return reply;
  };
  return {
    xnat,
    browser,
    deps: d,
    ask,
    route,
    async addServer(target = xnat) {
      const added = await ask('servers.add', { url: `${target.url}/app/template/XDATScreen_UpdateUser.vm` });
      if (!added.ok) throw new Error(added.failure.kind);
      return added.value.server.id;
    },
    stop: () => xnat.stop(),
  };
}

export const BOB = { username: 'bob', password: 'bob-pass' };

/**
 * A harness on a clock the test moves (`now`), with alice, an admin and bob, a session that outlives
 * the days a test skips through, and the sweep left to the test.
 */
export function harnessOnClock(now: () => number, options: StartOptions = {}): Promise<Harness> {
  return harness(
    {
      sweepIntervalMs: 0,
      sessionTimeoutMs: 30 * 24 * 3600_000,
      users: [DEMO_USER, ADMIN_USER, BOB],
      ...options,
    },
    (fetch) => fakeDeps(fetch, { granted: ['http://127.0.0.1/*'], now }),
  );
}

export function value<T>(reply: Reply<T>): T {
  if (!reply.ok) throw new Error(`${reply.failure.kind}`);
  return reply.value;
}
