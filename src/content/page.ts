// Everything the extension knows about XNAT's Manage Alias Tokens page: its selectors (its URLs are
// in src/xnat/server-identity.ts). Checked against XNAT 1.8.11 (xnat-web
// scripts/xnat/app/aliasTokens.js, userProfile.js) and the simulated XNAT in test/xnat-server/, at
//   {base}/app/template/XDATScreen_UpdateUser.vm#tab=alias-token-tab   (profile, current)
//   {base}/app/template/XDATScreen_aliasTokens.vm                      (legacy, still routed)
// Pure DOM reading: no browser API, no decoration.

export const SELECTORS = {
  container: 'div#alias-token-table-container',
  table: 'table#alias-token-list-table',
  row: 'tr[data-id]',
  aliasLink: 'a.view-alias-token',
  viewButton: 'button.view-alias-token',
  createButton: 'button#create-alias-token',
} as const;

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
      expiryCell: cells[2] as HTMLTableCellElement,
      actionsCell: cells[3] as HTMLTableCellElement,
    });
  }
  return rows;
}
