// How servers and tokens are named to people: short, unambiguous, and never raw server text.

/** "xnat.example.org/xnat": the server's address without its scheme. */
export function displayHost(server: { id: string }): string {
  return server.id.replace(/^https?:\/\//, '');
}

/** "61e4f5db…5c5f": enough to tell tokens apart; the full alias is in the tooltip. */
export function shortAlias(alias: string): string {
  return alias.length > 20 ? `${alias.slice(0, 8)}…${alias.slice(-4)}` : alias;
}

/** A token by the label its owner gave it, else by its short alias. */
export function tokenName(token: { alias: string; label?: string }): string {
  return token.label ?? shortAlias(token.alias);
}

const MAX_NAME = 40;

/**
 * Text a server chose (its siteId, its version) or a user typed (a label), as it may be shown:
 * control and format characters
 * removed (a right-to-left override would reverse what follows, a newline would forge a tooltip line),
 * white space folded, and capped so the host beside it stays in view.
 */
export function cleanText(text: string, max = MAX_NAME): string {
  const clean = text
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return clean.length > max ? `${clean.slice(0, max - 1).trimEnd()}…` : clean;
}

/** The name a server goes by: its site id, cleaned; always shown with its host. */
export function serverName(server: { siteId: string }): string {
  return cleanText(server.siteId) || 'XNAT';
}

/** "CNDA (cnda.wustl.edu)": for notifications and tooltips, where name and host share one line. */
export function serverTitle(server: { id: string; siteId: string }): string {
  return `${serverName(server)} (${displayHost(server)})`;
}
