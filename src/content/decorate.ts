// Decorates XNAT's token table: a copy control and a live countdown on every row, one timer for the
// whole table. XNAT empties and rebuilds the table after every create and delete, so the page is
// watched and each new table decorated; everything hangs off an AbortSignal and leaves no trace.
import { countdownText, exactDate, nextTickMs, urgency } from '../expiry/countdown';
import type { Reply, TokenListing } from '../messaging/protocol';
import type { SnippetFormat } from '../snippets/formats';
import { readSessionExpirationCookie } from '../xnat/session-cookie';
import { type CopyAction, createCopyControl } from './copy-control';
import { findTokenTable, SELECTORS, tokenRows } from './page';
import { createHost, element } from './shadow-ui';
import { COUNTDOWN_CSS, SESSION_CSS } from './styles';

export interface PageActions {
  tokens(ids: number[]): Promise<Reply<TokenListing>>;
  copy: CopyAction;
}

export interface PageOptions {
  actions: PageActions;
  defaultFormat: SnippetFormat;
  signal: AbortSignal;
  now?: () => number;
}

interface Countdown {
  label: HTMLSpanElement;
  expiry: number;
}

/** Decorates whatever token table the page shows now and after every rebuild. */
export function watchTokenPage(doc: Document, options: PageOptions): void {
  let current: { table: HTMLTableElement; controller: AbortController } | null = null;
  const sync = () => {
    const table = findTokenTable(doc);
    if (table === current?.table) return;
    current?.controller.abort();
    current = null;
    if (!table) return;
    const controller = new AbortController();
    current = { table, controller };
    decorateTable(table, { ...options, signal: AbortSignal.any([options.signal, controller.signal]) });
  };
  const observer = new MutationObserver(sync);
  observer.observe(doc.body, { childList: true, subtree: true });
  options.signal.addEventListener('abort', () => {
    observer.disconnect();
    current?.controller.abort();
  });
  sync();
}

export function decorateTable(table: HTMLTableElement, options: PageOptions): void {
  const { actions, defaultFormat, signal } = options;
  const doc = table.ownerDocument;
  const now = options.now ?? Date.now;
  const rows = tokenRows(table);
  const hosts: HTMLElement[] = [];
  const countdowns = new Map<number, HTMLSpanElement>();
  const session = sessionNotice(doc, table);
  if (session) hosts.push(session.host);
  let timer: ReturnType<typeof setTimeout> | undefined;
  signal.addEventListener('abort', () => {
    clearTimeout(timer);
    for (const host of hosts) host.remove();
  });
  if (rows.length === 0 && !session) return;
  // Asked first, so the answer travels while the rows are being decorated.
  const listing = actions.tokens(rows.map((r) => r.id));

  for (const { id, expiryCell, actionsCell } of rows) {
    const copyHost = createCopyControl(doc, id, defaultFormat, actions.copy, signal);
    actionsCell.prepend(copyHost);
    const { host, root } = createHost(doc, 'countdown', COUNTDOWN_CSS);
    const label = element(doc, 'span');
    root.append(label);
    expiryCell.append(host);
    countdowns.set(id, label);
    hosts.push(copyHost, host);
  }

  const startCountdowns = (reply: Reply<TokenListing>) => {
    if (signal.aborted) return;
    const offset = reply.ok ? reply.value.server.clockOffsetMs : 0;
    const live: Countdown[] = [];
    if (reply.ok) {
      for (const token of reply.value.tokens) {
        const label = countdowns.get(token.id);
        if (!label) continue;
        // The tooltip shows the estimate in this computer's clock and zone.
        label.title = `Estimated expiry: ${exactDate(token.expiry - offset)}. XNAT removes expired tokens within the hour after.`;
        live.push({ label, expiry: token.expiry });
      }
    }
    const tick = () => {
      const serverNow = now() + offset;
      for (const { label, expiry } of live) {
        label.textContent = countdownText(expiry, serverNow);
        label.dataset.urgency = urgency(expiry, serverNow);
      }
      const sessionEnd = session?.update(serverNow);
      const expiries = live.map((c) => c.expiry);
      if (sessionEnd) expiries.push(sessionEnd);
      const delay = nextTickMs(expiries, serverNow);
      if (Number.isFinite(delay) && !signal.aborted) timer = setTimeout(tick, delay);
    };
    tick();
  };
  void listing.then(startCountdowns);
}

/** XNAT logs idle users out after its session timeout; say when, from the readable cookie. */
function sessionNotice(doc: Document, table: HTMLTableElement) {
  const container = table.closest(SELECTORS.container) ?? table;
  const { host, root } = createHost(doc, 'session', SESSION_CSS);
  const text = element(doc, 'p', { role: 'status' });
  root.append(text);
  const update = (serverNow: number): number | null => {
    const session = readSessionExpirationCookie(doc.cookie);
    if (!session || session.endsAtMs <= serverNow) {
      host.hidden = true;
      return null;
    }
    host.hidden = false;
    text.textContent = `Your XNAT web session ${countdownText(session.endsAtMs, serverNow).replace('expires', 'ends')} unless you use XNAT.`;
    text.dataset.urgency = session.endsAtMs - serverNow <= 2 * 60_000 ? 'urgent' : 'ok';
    return session.endsAtMs;
  };
  if (!readSessionExpirationCookie(doc.cookie)) return null;
  container.before(host);
  return { host, update };
}
