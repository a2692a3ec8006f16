// Everything the extension knows about XNAT's Manage Alias Tokens page: its selectors (its URLs are
// in src/xnat/server-identity.ts). Checked against XNAT's unmodified front end, 1.7.6 and 1.8 (at
// /xnat and at the root; aliasTokens.js is the same from 1.7.5 to 1.8.11), and against the simulated
// XNAT in test/xnat-server/, at
//   {base}/app/template/XDATScreen_UpdateUser.vm   the profile page; userProfile.js builds its tabs in
//                                                  script and selects "Edit User Profile" whatever the
//                                                  #tab=alias-token-tab hash says (token-tab.ts)
//   {base}/app/template/XDATScreen_aliasTokens.vm  the legacy page, still routed
// either with Tomcat's ;jsessionid= in the path. XNAT 1.7.0 to 1.7.4 have neither.
// Pure DOM reading: no browser API, no decoration.
import { TOKEN_TAB_HASH } from '../xnat/server-identity';

export const SELECTORS = {
  container: 'div#alias-token-table-container',
  table: 'table#alias-token-list-table',
  row: 'tr[data-id]',
  aliasLink: 'a.view-alias-token',
  viewButton: 'button.view-alias-token',
  createButton: 'button#create-alias-token',
  /** XNAT's own control for the Manage Alias Tokens tab, built by userProfile.js. */
  tokenTabLink: 'li.tab[data-tab="alias-token-tab"] > a',
  activeTab: 'li.tab.active',
} as const;

/**
 * Did the user come for the token tab? The hash says so until XNAT rewrites it; Chromium keeps the
 * URL the page was opened with in its navigation entry.
 */
export function cameForTokenTab(location: { hash: string }, performance: Performance): boolean {
  const [entry] = performance.getEntriesByType('navigation');
  return [location.hash, entry?.name ?? ''].some((url) => url.includes(TOKEN_TAB_HASH));
}

/**
 * XNAT pages set `serverRoot` and `csrfToken` in an inline script; the profile link is on every page.
 * Self-contained (no outside names), so the popup can also run it in a tab with executeScript.
 */
export function looksLikeXnat(doc: Document = document): boolean {
  if (doc.querySelector('a#username-link')) return true;
  return [...doc.querySelectorAll('script:not([src])')].some((s) =>
    /\bvar serverRoot\s*=/.test(s.textContent ?? ''),
  );
}

export function findTokenTable(root: ParentNode): HTMLTableElement | null {
  return root.querySelector<HTMLTableElement>(SELECTORS.table);
}

export interface TokenRow {
  row: HTMLTableRowElement;
  id: number;
  /** XNAT's `data-alias`, for naming the row's controls before the token list arrives. */
  alias: string;
  /** Column "Alias": the container that holds the token goes under it. */
  aliasCell: HTMLTableCellElement;
  /** Column "Expiration (est.)": where the countdown goes, under XNAT's own date. */
  expiryCell: HTMLTableCellElement;
  /** Column "Actions": where the copy control goes, before View and Delete. */
  actionsCell: HTMLTableCellElement;
}

/** Rows with a token id and the four columns Alias | Status | Expiration (est.) | Actions. */
export function tokenRows(table: HTMLTableElement): TokenRow[] {
  const rows: TokenRow[] = [];
  for (const row of table.querySelectorAll<HTMLTableRowElement>(SELECTORS.row)) {
    const id = Number(row.getAttribute('data-id'));
    const cells = row.cells;
    if (!Number.isSafeInteger(id) || id < 0 || cells.length < 4) continue;
    rows.push({
      row,
      id,
      alias: row.getAttribute('data-alias') ?? '',
      aliasCell: cells[0] as HTMLTableCellElement,
      expiryCell: cells[2] as HTMLTableCellElement,
      actionsCell: cells[3] as HTMLTableCellElement,
    });
  }
  return rows;
}
