// Decorates XNAT's token table: a copy control and a live countdown on every row, one timer for the
// whole table. XNAT empties and rebuilds the table after every create and delete, so the page is
// watched and each new table decorated; everything hangs off an AbortSignal and leaves no trace.
import { countdownText, exactDate, nextTickMs, timeLeftText, urgency } from '../expiry/countdown';
import type { Strings } from '../i18n/strings';
import type { Reply, TokenListing } from '../messaging/protocol';
import type { SnippetFormat } from '../snippets/formats';
import { readSessionExpirationCookie } from '../xnat/session-cookie';
import { type CopyAction, createCopyControl } from './copy-control';
import { findTokenTable, SELECTORS, type TokenRow, tokenRows } from './page';
import { createHost, element } from './shadow-ui';
import { COUNTDOWN_CSS, SESSION_CSS } from './styles';

export interface PageActions {
  tokens(ids: number[]): Promise<Reply<TokenListing>>;
  copy: CopyAction;
}

export interface PageOptions {
  actions: PageActions;
  /** The words, from messages.json (a plain function so tests can render the real strings). */
  t: Strings;
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

/** Rows decorated at once; beyond these, rows are decorated as they come near the viewport. */
const EAGER_ROWS = 200;

export function decorateTable(table: HTMLTableElement, options: PageOptions): void {
  const { actions, defaultFormat, signal, t } = options;
  const doc = table.ownerDocument;
  const now = options.now ?? Date.now;
  const rows = tokenRows(table);
  const hosts: HTMLElement[] = [];
  const session = sessionNotice(doc, table, t);
  if (session) hosts.push(session.host);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lazy: IntersectionObserver | undefined;
  signal.addEventListener('abort', () => {
    clearTimeout(timer);
    lazy?.disconnect();
    for (const host of hosts) host.remove();
  });
  if (rows.length === 0 && !session) return;
  // Asked first, so the answer travels while the rows are being decorated.
  const listing = actions.tokens(rows.map((r) => r.id));
  let known: { expiries: Map<number, number>; offset: number } | null = null;
  const live: Countdown[] = [];

  const tick = () => {
    clearTimeout(timer);
    if (!known || signal.aborted) return;
    const serverNow = now() + known.offset;
    for (const { label, expiry } of live) {
      label.textContent = countdownText(expiry, serverNow, t);
      label.dataset.urgency = urgency(expiry, serverNow);
    }
    const sessionEnd = session?.update(serverNow);
    const expiries = live.map((c) => c.expiry);
    if (sessionEnd) expiries.push(sessionEnd);
    const delay = nextTickMs(expiries, serverNow);
    if (Number.isFinite(delay)) timer = setTimeout(tick, delay);
  };

  const startCountdown = (id: number, label: HTMLSpanElement) => {
    const expiry = known?.expiries.get(id);
    if (expiry === undefined || !known) return;
    // The tooltip shows the estimate in this computer's clock and zone.
    label.title = t('pageEstimatedExpiry', exactDate(expiry - known.offset, t.locale));
    live.push({ label, expiry });
  };

  const labels = new Map<number, HTMLSpanElement>();
  const decorateRow = ({ id, expiryCell, actionsCell }: TokenRow) => {
    const copyHost = createCopyControl(doc, id, defaultFormat, actions.copy, signal, t);
    actionsCell.prepend(copyHost);
    const { host, root } = createHost(doc, 'countdown', COUNTDOWN_CSS);
    const label = element(doc, 'span');
    root.append(label);
    expiryCell.append(host);
    hosts.push(copyHost, host);
    labels.set(id, label);
    startCountdown(id, label);
  };

  for (const row of rows.slice(0, EAGER_ROWS)) decorateRow(row);
  const later = rows.slice(EAGER_ROWS);
  if (later.length) {
    // A thousand rows at once would block the page for one long task; off-screen rows can wait.
    const byElement = new Map(later.map((r) => [r.row as Element, r]));
    lazy = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const row = entry.isIntersecting ? byElement.get(entry.target) : undefined;
          if (!row) continue;
          lazy?.unobserve(entry.target);
          byElement.delete(entry.target);
          decorateRow(row);
        }
        tick();
      },
      { rootMargin: '800px 0px' },
    );
    for (const element of byElement.keys()) lazy.observe(element);
  }

  void listing.then((reply) => {
    known = {
      expiries: new Map(reply.ok ? reply.value.tokens.map((t) => [t.id, t.expiry]) : []),
      offset: reply.ok ? reply.value.server.clockOffsetMs : 0,
    };
    for (const [id, label] of labels) startCountdown(id, label);
    tick();
  });
}

/** XNAT logs idle users out after its session timeout; say when, from the readable cookie. */
function sessionNotice(doc: Document, table: HTMLTableElement, t: Strings) {
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
    text.textContent = t('pageSessionEnds', timeLeftText(session.endsAtMs - serverNow, t));
    text.dataset.urgency = session.endsAtMs - serverNow <= 2 * 60_000 ? 'urgent' : 'ok';
    return session.endsAtMs;
  };
  if (!readSessionExpirationCookie(doc.cookie)) return null;
  container.before(host);
  return { host, update };
}
