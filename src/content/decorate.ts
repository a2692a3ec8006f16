// Decorates one XNAT token table: a copy control and a live countdown on every row, one timer for the
// whole table, and above it one line for the web session and one for what the last copy did.
// Everything hangs off an AbortSignal and leaves no trace (watch-page.ts aborts it on a rebuild).
import { countdownText, exactDate, nextTickMs, timeLeftText, urgency } from '../expiry/countdown';
import { heldByText } from '../i18n/containers';
import { plural, type Strings } from '../i18n/strings';
import type { Reply, TokenListing } from '../messaging/protocol';
import type { SnippetFormat } from '../snippets/format-names';
import type { TokenMeta } from '../storage/schema';
import { shortAlias, tokenName } from '../xnat/names';
import { readSessionExpirationCookie } from '../xnat/session-cookie';
import {
  type CopyAction,
  type CopyControl,
  createCopyControl,
  type ReplaceAction,
  type WatchAction,
} from './copy-control';
import { SELECTORS, type TokenRow, tokenRows } from './page';
import { createHost, element } from './shadow-ui';
import { COUNTDOWN_CSS, HELD_CSS, NOTICE_CSS } from './styles';

export interface PageActions {
  tokens(ids: number[]): Promise<Reply<TokenListing>>;
  copy: CopyAction;
  watch: WatchAction;
  replace: ReplaceAction;
  /** The user made this token with XNAT's own Create button: it is theirs. */
  created(tokenId: number): Promise<Reply<TokenMeta>>;
}

export interface PageOptions {
  actions: PageActions;
  /** The words, from messages.json (a plain function so tests can render the real strings). */
  t: Strings;
  defaultFormat: SnippetFormat;
  signal: AbortSignal;
  now?: () => number;
}

/**
 * About the height of XNAT's shortest row, undecorated: the window's height over it bounds the rows in
 * view. Those are decorated at once, inside XNAT's task that rendered the table, so the browser lays
 * them out with XNAT's table in one frame: the first screen never shifts, and XNAT's columns take
 * their final widths there. (The table lays out its columns anew whenever a cell's width can change,
 * a frame of 50 to 100 ms at a thousand rows.) The rows beyond are decorated as they come within
 * 800 px of the viewport, into columns already wide enough, which costs the browser only their
 * heights.
 */
const ROW_PX = 36;
/** Work per task before yielding to the page, so that no task grows long. */
const SLICE_MS = 16;

/** Runs `each` over the items in slices of a few milliseconds, each in a task of its own. */
function inSlices<T>(items: T[], each: (item: T) => void, signal: AbortSignal, done: () => void): void {
  let next = 0;
  const slice = () => {
    if (signal.aborted) return;
    const until = performance.now() + SLICE_MS;
    while (next < items.length && (next === 0 || performance.now() < until)) each(items[next++] as T);
    if (next < items.length) setTimeout(slice, 0);
    else done();
  };
  setTimeout(slice, 0);
}

interface Decorated {
  row: TokenRow;
  control: CopyControl;
  label: HTMLSpanElement;
  /** Under the alias: the container that holds the token, made once the container service says. */
  held?: HTMLSpanElement;
}

export function decorateTable(table: HTMLTableElement, options: PageOptions): void {
  const { actions, defaultFormat, signal, t } = options;
  const doc = table.ownerDocument;
  const now = options.now ?? Date.now;
  const rows = tokenRows(table);
  const notices = noticeLines(doc, table, t);
  const hosts: HTMLElement[] = [notices.host];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lazy: IntersectionObserver | undefined;
  signal.addEventListener('abort', () => {
    clearTimeout(timer);
    lazy?.disconnect();
    for (const host of hosts) host.remove();
  });
  // Asked first, so the answer travels while the rows are being decorated.
  const listing = rows.length ? actions.tokens(rows.map((r) => r.id)) : null;
  let known: { tokens: Map<number, TokenMeta>; offset: number; lifetime?: number } | null = null;
  const decorated = new Map<number, Decorated>();

  const tick = () => {
    clearTimeout(timer);
    if (signal.aborted) return;
    const serverNow = now() + (known?.offset ?? 0);
    const expiries: number[] = [];
    for (const [id, { label }] of decorated) {
      const expiry = known?.tokens.get(id)?.expiry;
      if (expiry === undefined) continue;
      label.textContent = countdownText(expiry, serverNow, t);
      label.dataset.urgency = urgency(expiry, serverNow, known?.lifetime);
      expiries.push(expiry);
    }
    const sessionEnd = notices.updateSession(serverNow);
    if (sessionEnd) expiries.push(sessionEnd);
    const delay = nextTickMs(expiries, serverNow);
    if (Number.isFinite(delay)) timer = setTimeout(tick, delay);
  };

  /** A line of ours at the end of one of XNAT's cells, under XNAT's own text. */
  const lineIn = (cell: HTMLTableCellElement, kind: string, css: string) => {
    const { host, root } = createHost(doc, kind, css);
    const line = element(doc, 'span');
    root.append(line);
    cell.append(host);
    hosts.push(host);
    return line;
  };

  /** What the token list says about a row: its expiry (in the tooltip, this computer's clock), name, bell. */
  const apply = (id: number, decoratedRow: Decorated) => {
    const token = known?.tokens.get(id);
    if (!token || !known) return;
    const { control, label, row } = decoratedRow;
    label.title = t('pageEstimatedExpiry', exactDate(token.expiry - known.offset, t.locale));
    const held = token.container ? heldByText(token.container, now() + known.offset, t) : '';
    if (held && !decoratedRow.held) decoratedRow.held = lineIn(row.aliasCell, 'held', HELD_CSS);
    if (decoratedRow.held) decoratedRow.held.textContent = held;
    control.setName(tokenName(token));
    control.setWatched(!!token.yours);
  };

  const decorateRow = (tokenRow: TokenRow) => {
    const { id, alias, expiryCell, actionsCell } = tokenRow;
    const control = createCopyControl(doc, id, shortAlias(alias), {
      defaultFormat,
      copy: actions.copy,
      watch: actions.watch,
      replace: actions.replace,
      report: notices.report,
      signal,
      t,
    });
    actionsCell.prepend(control.host);
    hosts.push(control.host);
    const label = lineIn(expiryCell, 'countdown', COUNTDOWN_CSS);
    const row: Decorated = { row: tokenRow, control, label };
    decorated.set(id, row);
    apply(id, row);
  };

  const screenful = Math.ceil((doc.defaultView?.innerHeight ?? 0) / ROW_PX) || 1;
  for (const row of rows.slice(0, screenful)) decorateRow(row);
  const later = rows.slice(screenful);
  if (later.length) {
    // A thousand rows at once would block the page; off-screen rows can wait until they come near.
    const byElement = new Map(later.map((r) => [r.row as Element, r]));
    lazy = new IntersectionObserver(
      (entries) => {
        const near = entries.filter((e) => e.isIntersecting).map((e) => byElement.get(e.target));
        const due = near.filter((r): r is TokenRow => r !== undefined);
        for (const row of due) {
          lazy?.unobserve(row.row);
          byElement.delete(row.row);
        }
        inSlices(due, decorateRow, signal, tick);
      },
      { rootMargin: '800px 0px' },
    );
    for (const row of byElement.keys()) lazy.observe(row);
  }

  void listing?.then((reply) => {
    if (signal.aborted) return;
    known = {
      tokens: new Map(reply.ok ? reply.value.tokens.map((token) => [token.id, token]) : []),
      offset: reply.ok ? reply.value.server.clockOffsetMs : 0,
      lifetime: reply.ok ? reply.value.server.tokenLifetimeMs : undefined,
    };
    for (const [id, row] of decorated) apply(id, row);
    // XNAT listed another account's tokens here (a session cookie planted for the token API): say so.
    const { account } = reply.ok ? reply.value.server : {};
    if (reply.ok && reply.value.foreign > 0 && account)
      notices.report(plural(t, 'pageForeign', reply.value.foreign, account), true);
    tick();
  });
  tick();
}

/**
 * The two lines above XNAT's table: when XNAT's idle timeout will end the web session (from its
 * readable cookie), and what the last copy or bell did. In the page's flow, so they cover nothing.
 */
function noticeLines(doc: Document, table: HTMLTableElement, t: Strings) {
  const container = table.closest(SELECTORS.container) ?? table;
  const { host, root } = createHost(doc, 'notices', NOTICE_CSS);
  const session = element(doc, 'p');
  const status = element(doc, 'p', { role: 'status', 'aria-live': 'polite' });
  root.append(session, status);
  container.before(host);
  const show = () => {
    host.hidden = !session.textContent && !status.textContent;
  };
  show();
  return {
    host,
    report(text: string, isError: boolean) {
      status.textContent = text;
      status.className = isError ? 'error' : 'ok';
      show();
    },
    updateSession(serverNow: number): number | null {
      const cookie = readSessionExpirationCookie(doc.cookie);
      const ends = cookie && cookie.endsAtMs > serverNow ? cookie.endsAtMs : null;
      session.textContent = ends ? t('pageSessionEnds', timeLeftText(ends - serverNow, t)) : '';
      session.dataset.urgency = ends && ends - serverNow <= 2 * 60_000 ? 'urgent' : 'ok';
      show();
      return ends;
    },
  };
}
