import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchTokenPage } from '../../src/content/decorate';
import { uiRoot } from '../../src/content/shadow-ui';
import type { CopyReceipt, Reply, TokenListing } from '../../src/messaging/protocol';
import { t } from '../fakes/strings';
import { type PageToken, PROFILE_PAGE, pageToken, renderTokenTable } from '../fixtures/token-page';

const MIN = 60_000;
const NOW = Date.UTC(2026, 10, 27, 12, 0, 0);
let controller: AbortController;
let shown: PageToken[];
let tokensAsked: number[][];
let copies: [number, string | undefined][];

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
    },
    tokens: shown.map((t) => ({
      id: t.id,
      alias: t.alias,
      created: t.timestamp,
      expiry: t.estimatedExpirationTime,
      singleUse: false,
      createdHere: false,
    })),
    refused: 0,
    cached: true,
  },
});

function start(
  copyReply: Reply<CopyReceipt> = {
    ok: true,
    value: { format: 'curl-session', clearsInSeconds: 0 },
  },
  clockOffsetMs = 0,
) {
  controller = new AbortController();
  watchTokenPage(document, {
    t,
    defaultFormat: 'curl-session',
    signal: controller.signal,
    actions: {
      tokens: async (ids) => {
        tokensAsked.push(ids);
        return listing(clockOffsetMs);
      },
      copy: async (id, format) => {
        copies.push([id, format]);
        return copyReply;
      },
    },
  });
}

const hosts = (kind: string) => [
  ...document.querySelectorAll<HTMLElement>(`xnat-token-tools[data-xtt="${kind}"]`),
];
const countdownTexts = () => hosts('countdown').map((h) => uiRoot(h)?.querySelector('span')?.textContent);
const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers({
    now: NOW,
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
  });
  document.body.innerHTML = PROFILE_PAGE;
  shown = [
    pageToken(1, 3 * 24 * 60 * MIN, NOW),
    pageToken(2, 42 * MIN + 30_000, NOW),
    pageToken(3, -MIN, NOW),
  ];
  tokensAsked = [];
  copies = [];
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
    expect(countdownTexts()).toEqual(['expires in 3 d', 'expires in 42 min', 'expired (estimate)']);
    expect(tokensAsked).toEqual([[1, 2, 3]]);
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

  it('decorates the first rows at once and the rest as they come into view, with one timer', async () => {
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
    await settle();
    expect(hosts('copy')).toHaveLength(200);
    const [observer] = observers;
    const scrollTo = (count: number) =>
      observer?.callback(
        [...(observer?.targets ?? [])]
          .slice(0, count)
          .map((target) => ({ target, isIntersecting: true }) as unknown as IntersectionObserverEntry),
        observer as unknown as IntersectionObserver,
      );
    scrollTo(300);
    expect(hosts('copy')).toHaveLength(500);
    expect(countdownTexts()[499]).toBe('expires in 8 h 20 min');
    scrollTo(1500);
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
    expect(label().textContent).toBe('expired (estimate)');
    expect(label().dataset.urgency).toBe('expired');
  });

  it('count in the server’s time when this computer’s clock is off', async () => {
    renderTokenTable(document, shown);
    start(undefined, 2 * 60 * MIN);
    await settle();
    expect(countdownTexts()).toEqual(['expires in 2 d 22 h', 'expired (estimate)', 'expired (estimate)']);
  });
});

describe('copying', () => {
  it('one click copies the default format by token id, and says what it copied', async () => {
    renderTokenTable(document, shown);
    start();
    await settle();
    const root = uiRoot(hosts('copy')[0] as HTMLElement) as ShadowRoot;
    const main = root.querySelector('button.main') as HTMLButtonElement;
    expect(main.textContent).toBe('Copy as curl');
    main.click();
    await settle();
    expect(copies).toEqual([[1, undefined]]);
    expect(root.querySelector('.status')?.textContent).toBe(
      'Copied curl session script: opens one session and closes it.',
    );
    await vi.advanceTimersByTimeAsync(5000);
    expect(root.querySelector('.status')?.textContent).toBe('');
  });

  it('the menu offers every other format and closes with Escape', async () => {
    renderTokenTable(document, shown);
    start();
    await settle();
    const root = uiRoot(hosts('copy')[1] as HTMLElement) as ShadowRoot;
    const more = root.querySelector('button.more') as HTMLButtonElement;
    const menu = root.querySelector('[role=menu]') as HTMLElement;
    more.click();
    expect(menu.hidden).toBe(false);
    expect(more.getAttribute('aria-expanded')).toBe('true');
    menu.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect(menu.hidden).toBe(true);
    more.click();
    (root.querySelector('[data-format="xnatpy"]') as HTMLButtonElement).click();
    await settle();
    expect(copies).toEqual([[2, 'xnatpy']]);
    expect(menu.hidden).toBe(true);
  });

  it('shows the background’s failure in plain words', async () => {
    renderTokenTable(document, shown);
    start({ ok: false, failure: { kind: 'logged-out' } });
    await settle();
    const root = uiRoot(hosts('copy')[0] as HTMLElement) as ShadowRoot;
    (root.querySelector('button.main') as HTMLButtonElement).click();
    await settle();
    const status = root.querySelector('.status') as HTMLElement;
    expect(status.textContent).toBe('You are not logged in to this XNAT.');
    expect(status.classList.contains('error')).toBe(true);
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
    document.cookie = `SESSION_EXPIRATION_TIME="${NOW - 60_000},900000"; path=/`;
    renderTokenTable(document, shown);
    start();
    await settle();
    const notice = hosts('session')[0] as HTMLElement;
    expect(notice.nextElementSibling?.id).toBe('alias-token-table-container');
    expect(uiRoot(notice)?.querySelector('p')?.textContent).toBe(
      'Your XNAT web session ends in 14 min unless you use XNAT.',
    );
    // biome-ignore lint/suspicious/noDocumentCookie: clean up the cookie set above.
    document.cookie = 'SESSION_EXPIRATION_TIME=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
  });
});
