import type { DetachedWindowAPI } from 'happy-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { uiRoot } from '../../src/content/shadow-ui';
import { watchTokenPage } from '../../src/content/watch-page';
import type { CopyReceipt, Reply, TokenListing } from '../../src/messaging/protocol';
import type { HeldBy, TokenMeta } from '../../src/storage/schema';
import { t } from '../fakes/strings';
import { type PageToken, PROFILE_PAGE, pageToken, renderTokenTable } from '../fixtures/token-page';

const MIN = 60_000;
const NOW = Date.UTC(2026, 10, 27, 12, 0, 0);
let controller: AbortController;
let shown: PageToken[];
let tokensAsked: number[][];
let copies: [number, string | undefined][];
let watches: [number, boolean][];
let created: number[];
let replaced: number[];
/** Rows XNAT lists for another account than the one logged in (a planted session). */
let foreignIds: number[];
/** Containers holding rows' tokens, by token id. */
let heldBy: Record<number, HeldBy>;

const listing = (clockOffsetMs = 0): Reply<TokenListing> => ({
  ok: true,
  value: {
    server: {
      id: 'https://x/xnat',
      origin: 'https://x',
      contextPath: '/xnat',
      siteId: 'XNAT',
      version: '1.8.11',
      clockOffsetMs,
      account: 'alice',
    },
    tokens: shown
      .filter((t) => !foreignIds.includes(t.id))
      .map((t) => ({
        id: t.id,
        alias: t.alias,
        created: t.timestamp,
        expiry: t.estimatedExpirationTime,
        singleUse: false,
        createdHere: false,
        ...(t.id === 1 ? { label: 'nightly-sync', yours: { since: NOW, why: 'labelled' as const } } : {}),
        ...(heldBy[t.id] ? { container: heldBy[t.id] } : {}),
      })),
    others: 0,
    foreign: foreignIds.length,
    refused: 0,
    cached: true,
  },
});

/** The token as the background stores it after the bell: the user's, or not. */
const stored = (id: number, yours: boolean): TokenMeta => ({
  id,
  alias: shown.find((t) => t.id === id)?.alias ?? '',
  created: NOW,
  expiry: NOW,
  singleUse: false,
  createdHere: false,
  ...(yours ? { yours: { since: NOW, why: 'watched' as const } } : {}),
});

function start(
  copyReply: Reply<CopyReceipt> = {
    ok: true,
    value: { format: 'curl', clearsInSeconds: 0, account: 'alice', token: null },
  },
  clockOffsetMs = 0,
) {
  controller = new AbortController();
  watchTokenPage(document, {
    t,
    defaultFormat: 'curl',
    signal: controller.signal,
    actions: {
      tokens: async (ids) => {
        tokensAsked.push(ids);
        return listing(clockOffsetMs);
      },
      copy: async (id, format) => {
        copies.push([id, format]);
        return copyReply.ok
          ? { ok: true, value: { ...copyReply.value, token: stored(id, true) } }
          : copyReply;
      },
      watch: async (id, watched) => {
        watches.push([id, watched]);
        return { ok: true, value: stored(id, watched) };
      },
      created: async (id) => {
        created.push(id);
        return { ok: true, value: stored(id, true) };
      },
      replace: async (id) => {
        replaced.push(id);
        const copy = {
          ok: true as const,
          value: { format: 'curl' as const, clearsInSeconds: 0, account: 'alice', token: null },
        };
        return {
          ok: true,
          value: { token: stored(99, true), copy, old: { ...stored(id, false), deleteAt: NOW + 3600_000 } },
        };
      },
    },
  });
}

const hosts = (kind: string) => [
  ...document.querySelectorAll<HTMLElement>(`xnat-token-tools[data-xtt="${kind}"]`),
];
const countdownTexts = () => hosts('countdown').map((h) => uiRoot(h)?.querySelector('span')?.textContent);
/**
 * The page script works in tasks of its own: let them run, and the ones they start (fake timers put
 * a zero-delay timer set during a tick one millisecond later).
 */
async function settle() {
  for (let i = 0; i < 4; i++) await vi.advanceTimersByTimeAsync(1);
}
/** Decorating yields to the page between slices of a few milliseconds: let every slice run. */
async function settleSlices() {
  let before = -1;
  while (hosts('copy').length !== before) {
    before = hosts('copy').length;
    await vi.advanceTimersByTimeAsync(1);
  }
}

beforeEach(() => {
  vi.useFakeTimers({
    now: NOW,
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
  });
  document.body.innerHTML = PROFILE_PAGE;
  (window as unknown as { happyDOM: DetachedWindowAPI }).happyDOM.setWindowSize({
    width: 1280,
    height: 720,
  });
  shown = [
    pageToken(1, 3 * 24 * 60 * MIN + MIN, NOW),
    pageToken(2, 42 * MIN + 30_000, NOW),
    pageToken(3, -MIN, NOW),
  ];
  tokensAsked = [];
  copies = [];
  watches = [];
  created = [];
  replaced = [];
  foreignIds = [];
  heldBy = {};
});

afterEach(() => {
  controller.abort();
  vi.useRealTimers();
});

describe('finding the table', () => {
  it('decorates a table that XNAT renders after load', async () => {
    start();
    await settle();
    expect(hosts('copy')).toHaveLength(0);
    renderTokenTable(document, shown);
    await settle();
    expect(hosts('copy')).toHaveLength(3);
    expect(countdownTexts()).toEqual([
      'expires in 3 d',
      'expires in 42 min',
      'expired; XNAT removes it within the hour',
    ]);
    expect(tokensAsked).toEqual([[1, 2, 3]]);
  });

  it('decorates the first screenful inside XNAT’s own task, before the browser lays the table out', async () => {
    start();
    shown = Array.from({ length: 300 }, (_, i) => pageToken(i + 1, (i + 1) * MIN, NOW));
    renderTokenTable(document, shown);
    // Mutation observers answer at the end of XNAT's task: no timer, no later task. A window 720 px
    // high shows at most 20 of XNAT's rows.
    await Promise.resolve();
    expect(hosts('copy')).toHaveLength(20);
    expect(hosts('countdown')).toHaveLength(20);
    expect(vi.getTimerCount()).toBe(0);
    await settle();
    expect(countdownTexts()[19]).toBe('expires in 20 min');
  });

  it('decorates every row again after XNAT rebuilds the table (create, delete)', async () => {
    renderTokenTable(document, shown);
    start();
    await settle();
    shown.push(pageToken(4, 2 * 24 * 60 * MIN, NOW));
    renderTokenTable(document, shown);
    await settle();
    expect(hosts('copy')).toHaveLength(4);
    shown = shown.filter((t) => t.id !== 2);
    renderTokenTable(document, shown);
    await settle();
    expect(hosts('copy')).toHaveLength(3);
    expect(hosts('countdown')).toHaveLength(3);
    expect(vi.getTimerCount()).toBe(1);
  });

  it('leaves an empty list alone and sets no timer', async () => {
    renderTokenTable(document, []);
    start();
    await settle();
    expect(hosts('copy')).toHaveLength(0);
    expect(tokensAsked).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('does nothing on a page without the table (another tab of the profile)', async () => {
    document.body.innerHTML = '<div id="user-profile-manager"><p>Edit User Profile</p></div>';
    start();
    await settle();
    expect(document.querySelectorAll('xnat-token-tools')).toHaveLength(0);
    expect(tokensAsked).toEqual([]);
  });

  it('decorates a screenful of rows at once and the rest as they come near the view, with one timer', async () => {
    // happy-dom's IntersectionObserver never fires; this one lets the test scroll.
    const observers: { callback: IntersectionObserverCallback; targets: Set<Element> }[] = [];
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        targets = new Set<Element>();
        constructor(readonly callback: IntersectionObserverCallback) {
          observers.push(this);
        }
        observe(target: Element) {
          this.targets.add(target);
        }
        unobserve(target: Element) {
          this.targets.delete(target);
        }
        disconnect() {
          this.targets.clear();
        }
      },
    );
    shown = Array.from({ length: 2000 }, (_, i) => pageToken(i + 1, (i + 1) * MIN, NOW));
    renderTokenTable(document, shown);
    start();
    await settleSlices();
    expect(hosts('copy')).toHaveLength(20);
    const [observer] = observers;
    const scrollTo = (count: number) =>
      observer?.callback(
        [...(observer?.targets ?? [])]
          .slice(0, count)
          .map((target) => ({ target, isIntersecting: true }) as unknown as IntersectionObserverEntry),
        observer as unknown as IntersectionObserver,
      );
    scrollTo(480);
    await settleSlices();
    expect(hosts('copy')).toHaveLength(500);
    // A few milliseconds passed while the slices ran.
    expect(countdownTexts()[499]).toMatch(/^expires in 8 h (19|20) min$/);
    scrollTo(1500);
    await settleSlices();
    expect(hosts('copy')).toHaveLength(2000);
    expect(vi.getTimerCount()).toBe(1);
    controller.abort();
    expect(observer?.targets.size).toBe(0);
    vi.unstubAllGlobals();
  }, 30_000); // happy-dom is far slower than a browser here; the timing is measured by npm run bench
});

describe('countdowns', () => {
  it('update live, with urgency as text and as a marker, and the exact date in a tooltip', async () => {
    renderTokenTable(document, shown);
    start();
    await settle();
    const label = () =>
      uiRoot(hosts('countdown')[1] as HTMLElement)?.querySelector('span') as HTMLSpanElement;
    expect(label().textContent).toBe('expires in 42 min');
    expect(label().dataset.urgency).toBe('urgent');
    expect(label().title).toMatch(/^Estimated expiry: .*2026/);
    await vi.advanceTimersByTimeAsync(31_000);
    expect(label().textContent).toBe('expires in 41 min');
    await vi.advanceTimersByTimeAsync(41 * MIN + 58_000);
    expect(label().textContent).toBe('expires in 1 s');
    await vi.advanceTimersByTimeAsync(1000);
    expect(label().textContent).toBe('expired; XNAT removes it within the hour');
    expect(label().dataset.urgency).toBe('expired');
  });

  it('count in the server’s time when this computer’s clock is off', async () => {
    renderTokenTable(document, shown);
    start(undefined, 2 * 60 * MIN);
    await settle();
    expect(countdownTexts()).toEqual([
      'expires in 2 d 22 h',
      'expired; XNAT removes it within the hour',
      'expired; XNAT removes it within the hour',
    ]);
  });
});

const control = (index: number) => uiRoot(hosts('copy')[index] as HTMLElement) as ShadowRoot;
const statusLine = () => uiRoot(hosts('notices')[0] as HTMLElement)?.querySelector('[role=status]');
const key = (target: Element, name: string) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, composed: true }));

describe('a container’s token in XNAT’s table', () => {
  it('gets a short line under its alias: what runs, where, for how long', async () => {
    heldBy = { 2: { running: true, what: 'dcm2niix', project: 'P1', since: NOW - 2 * 3600_000 } };
    renderTokenTable(document, shown);
    start();
    await settle();
    const [line, ...more] = hosts('held');
    expect(more).toHaveLength(0);
    expect(line?.closest('td')).toBe(document.querySelector('tr[data-id="2"] td'));
    expect(uiRoot(line as HTMLElement)?.textContent).toBe('container: dcm2niix · P1 · running 2 h');
  });
});

describe('another account’s tokens in XNAT’s table', () => {
  it('are named in the line above the table, as the popup names them', async () => {
    foreignIds = [2, 3];
    renderTokenTable(document, shown);
    start();
    await settle();
    expect(statusLine()?.textContent).toBe(
      "This table lists 2 tokens of another account than alice: someone else's session may be set for this server. The extension copies none of them. Log out of XNAT and log in again.",
    );
  });
});

describe('copying', () => {
  it('one click copies the default format by token id, and the line above the table says for which token', async () => {
    renderTokenTable(document, shown);
    start();
    await settle();
    const main = control(0).querySelector('button.main') as HTMLButtonElement;
    expect(main.textContent).toBe('Copy as curl');
    main.click();
    await settle();
    expect(copies).toEqual([[1, undefined]]);
    expect(statusLine()?.textContent).toBe(
      'Copied a curl command for nightly-sync: paste it into a terminal. XNAT account: alice.',
    );
    expect(main.textContent).toBe('Copied');
    await vi.advanceTimersByTimeAsync(2500);
    expect(main.textContent).toBe('Copy as curl');
    // The next copy replaces the line; nothing piles up over XNAT's rows.
    (control(1).querySelector('button.main') as HTMLButtonElement).click();
    await settle();
    expect(statusLine()?.textContent).toMatch(/^Copied a curl command for 61e4f5db…/);
    expect(hosts('notices')).toHaveLength(1);
  });

  it('names the token in every control’s accessible name', async () => {
    renderTokenTable(document, shown);
    start();
    await settle();
    const names = [...control(1).querySelectorAll('button')].map((b) => b.getAttribute('aria-label'));
    const alias = shown[1]?.alias ?? '';
    const short = `${alias.slice(0, 8)}…${alias.slice(-4)}`;
    expect(names).toEqual([
      `Copy as curl: ${short}`,
      `More ways to copy ${short}`,
      `Remind me about ${short}`,
    ]);
    expect(control(0).querySelector('button.main')?.getAttribute('aria-label')).toBe(
      'Copy as curl: nightly-sync',
    );
  });

  it('the menu follows the menu-button pattern: arrows, Home, End, Escape back to the button, Tab away', async () => {
    renderTokenTable(document, shown);
    start();
    await settle();
    const root = control(1);
    const more = root.querySelector('button.more') as HTMLButtonElement;
    const menu = root.querySelector('[role=menu]') as HTMLElement;
    key(more, 'ArrowDown');
    expect(menu.hidden).toBe(false);
    expect(more.getAttribute('aria-expanded')).toBe('true');
    const focused = () => {
      const item = root.activeElement as HTMLElement | null;
      return item?.dataset.format ?? item?.dataset.action;
    };
    expect(focused()).toBe('curl');
    key(menu, 'ArrowDown');
    expect(focused()).toBe('curl-session');
    key(menu, 'End');
    expect(focused()).toBe('replace');
    key(menu, 'ArrowDown');
    expect(focused()).toBe('curl');
    key(menu, 'ArrowUp');
    expect(focused()).toBe('replace');
    key(menu, 'Home');
    expect(focused()).toBe('curl');
    key(menu, 'Escape');
    expect(menu.hidden).toBe(true);
    expect(root.activeElement).toBe(more);
    key(more, 'ArrowUp');
    expect(focused()).toBe('replace');
    key(menu, 'Tab');
    expect(menu.hidden).toBe(true);
    more.click();
    (root.querySelector('[data-format="xnatpy"]') as HTMLButtonElement).click();
    await settle();
    expect(copies).toEqual([[2, 'xnatpy']]);
    expect(menu.hidden).toBe(true);
  });

  it('Replace, last in the menu, copies a successor and says the old one goes in an hour', async () => {
    renderTokenTable(document, shown);
    start();
    await settle();
    const root = control(0);
    (root.querySelector('button.more') as HTMLButtonElement).click();
    (root.querySelector('[data-action="replace"]') as HTMLButtonElement).click();
    await settle();
    expect(replaced).toEqual([1]);
    expect(statusLine()?.textContent).toBe(
      'Replaced nightly-sync: Copied a curl command for the new token: paste it into a terminal. XNAT account: alice. The old token is deleted in 1 hour; Keep in the popup stops that.',
    );
  });

  it('shows the background’s failure in plain words', async () => {
    renderTokenTable(document, shown);
    start({ ok: false, failure: { kind: 'logged-out' } });
    await settle();
    (control(0).querySelector('button.main') as HTMLButtonElement).click();
    await settle();
    expect(statusLine()?.textContent).toBe('You are not logged in to this XNAT.');
    expect(statusLine()?.classList.contains('error')).toBe(true);
  });
});

describe('tokens you use, on the page', () => {
  it('the bell shows which tokens reminders cover, and turns them on and off', async () => {
    renderTokenTable(document, shown);
    start();
    await settle();
    const bell = (i: number) => control(i).querySelector('button.bell') as HTMLButtonElement;
    expect([0, 1, 2].map((i) => bell(i).getAttribute('aria-pressed'))).toEqual(['true', 'false', 'false']);
    bell(1).click();
    await settle();
    expect(watches).toEqual([[2, true]]);
    expect(bell(1).getAttribute('aria-pressed')).toBe('true');
  });

  it('a token the user makes with XNAT’s own Create button becomes theirs; a table rebuilt otherwise does not', async () => {
    renderTokenTable(document, shown);
    start();
    await settle();
    // A pipeline's token appears without a click: not the user's.
    shown.push(pageToken(4, 2 * 24 * 60 * MIN, NOW));
    renderTokenTable(document, shown);
    await settle();
    expect(created).toEqual([]);
    const button = document.querySelector('#create-alias-token') as HTMLButtonElement;
    // happy-dom marks dispatched events untrusted; a person's click is trusted.
    const click = new MouseEvent('click', { bubbles: true });
    Object.defineProperty(click, 'isTrusted', { value: true });
    button.dispatchEvent(click);
    shown.push(pageToken(5, 2 * 24 * 60 * MIN, NOW));
    renderTokenTable(document, shown);
    await settle();
    expect(created).toEqual([5]);
  });
});

describe('leaving XNAT’s page as it was', () => {
  it('adds no column, no secret and no style to the page', async () => {
    renderTokenTable(document, shown);
    const before = document.body.innerHTML;
    const cellsBefore = [...document.querySelectorAll('tr')].map((tr) => tr.children.length);
    start();
    await settle();
    expect([...document.querySelectorAll('tr')].map((tr) => tr.children.length)).toEqual(cellsBefore);
    for (const { secret } of shown) {
      expect(document.body.innerHTML.split(secret).length).toBe(before.split(secret).length);
    }
    expect(document.querySelectorAll('style, link')).toHaveLength(0);
  });

  it('removes everything and stops its timer and observer when torn down', async () => {
    renderTokenTable(document, shown);
    start();
    await settle();
    controller.abort();
    expect(document.querySelectorAll('xnat-token-tools')).toHaveLength(0);
    expect(vi.getTimerCount()).toBe(0);
    renderTokenTable(document, shown);
    await settle();
    expect(document.querySelectorAll('xnat-token-tools')).toHaveLength(0);
  });
});

describe('the web session notice', () => {
  it('shows the time left from SESSION_EXPIRATION_TIME above the table', async () => {
    // biome-ignore lint/suspicious/noDocumentCookie: the page script reads this very cookie from the page.
    document.cookie = `SESSION_EXPIRATION_TIME="${NOW - 30_000},900000"; path=/`;
    renderTokenTable(document, shown);
    start();
    await settle();
    const notice = hosts('notices')[0] as HTMLElement;
    expect(notice.nextElementSibling?.id).toBe('alias-token-table-container');
    expect(uiRoot(notice)?.querySelector('p')?.textContent).toBe(
      'Your XNAT web session ends in 14 min unless you use XNAT.',
    );
    // biome-ignore lint/suspicious/noDocumentCookie: clean up the cookie set above.
    document.cookie = 'SESSION_EXPIRATION_TIME=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
  });
});
