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
