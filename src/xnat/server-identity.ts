// Which XNAT server a URL belongs to, and the URLs of its pages. A server is its origin (scheme,
// host, port) plus the context path XNAT is deployed under: `https://host/xnat`. Its id is that base
// URL, so two servers on one host differ by port or path and never mix.

export interface ServerRef {
  /** `https://xnat.example.org` (scheme, host, port; no trailing slash). */
  origin: string;
  /** `''` or `/xnat`: no trailing slash. */
  contextPath: string;
}

export function baseUrl(server: ServerRef): string {
  return server.origin + server.contextPath;
}

/** Stable key for storage and messages. */
export function serverId(server: ServerRef): string {
  return baseUrl(server);
}

/**
 * Letters, digits, dots and hyphens (what a URL makes of any DNS name, IDNs included), or a bracketed
 * IPv6 literal. WHATWG URLs also allow `$`, `(` or backquotes in a host, which a shell would run.
 */
export function isPlainHost(hostname: string): boolean {
  return /^[a-z0-9.-]+$/.test(hostname) || /^\[[0-9a-f:.]+\]$/.test(hostname);
}

/**
 * Parse a base URL (no credentials, query or fragment; only URL-safe path segments). A base URL ends
 * up in shell commands, so anything surprising is refused here.
 */
export function parseBaseUrl(input: string): ServerRef | null {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return null;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !isPlainHost(url.hostname)) return null;
  if (url.username || url.password || url.search || url.hash) return null;
  const contextPath = url.pathname.replace(/\/+$/, '');
  if (!/^(\/[A-Za-z0-9._~-]+)*$/.test(contextPath)) return null;
  return { origin: url.origin, contextPath };
}

/**
 * Any address of a page on the server, as a user pastes it: the token page's URL with its hash, a
 * project page with a query, or a bare host name. Returns the URL to look for XNAT under (origin and
 * path; credentials, query and fragment dropped), or null when it cannot be a web address.
 * Without a scheme, https is assumed: http only when the user typed it.
 */
export function serverAddress(input: string): string | null {
  const trimmed = input.trim();
  if (!trimmed || /\s/.test(trimmed)) return null;
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed);
  let url: URL;
  try {
    url = new URL(hasScheme ? trimmed : `https://${trimmed}`);
  } catch {
    return null;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !isPlainHost(url.hostname)) return null;
  return url.origin + url.pathname.replace(/;jsessionid=[^/]*$/i, '');
}

/** The grant that covers a URL: its host, any port, any path (one grant covers every XNAT there). */
export function hostPattern(url: string): string | null {
  try {
    const { protocol, hostname } = new URL(url);
    return (protocol === 'http:' || protocol === 'https:') && isPlainHost(hostname)
      ? `${protocol}//${hostname}/*`
      : null;
  } catch {
    return null;
  }
}

/**
 * The known server a URL lies under: the longest base it starts with, followed by the end of the
 * URL, a path, a query, a fragment or Tomcat's `;jsessionid=`.
 */
export function serverForUrl<S extends { id: string }>(url: string, servers: Iterable<S>): S | null {
  let best: S | null = null;
  for (const server of servers) {
    if (!url.startsWith(server.id)) continue;
    const next = url.charAt(server.id.length);
    if (next !== '' && !'/?#;'.includes(next)) continue;
    if (!best || server.id.length > best.id.length) best = server;
  }
  return best;
}

// XNAT's Manage Alias Tokens tab on the profile page, and the legacy stand-alone page (still routed).
const PROFILE_PAGE = '/app/template/XDATScreen_UpdateUser.vm';
const LEGACY_TOKEN_PAGE = '/app/template/XDATScreen_aliasTokens.vm';
export const TOKEN_TAB_HASH = '#tab=alias-token-tab';

/** The page that shows the token tab. XNAT itself ignores the hash; the page script reads it. */
export function tokenPageUrl(server: { id: string }): string {
  return `${server.id}${PROFILE_PAGE}${TOKEN_TAB_HASH}`;
}

export function loginPageUrl(server: { id: string }): string {
  return `${server.id}/app/template/Login.vm`;
}

/** Is this one of XNAT's token pages (with or without `;jsessionid=` from Tomcat)? */
export function isTokenPageUrl(url: string): boolean {
  try {
    const path = new URL(url).pathname.replace(/;jsessionid=[^/]*$/i, '');
    return path.endsWith(PROFILE_PAGE) || path.endsWith(LEGACY_TOKEN_PAGE);
  } catch {
    return false;
  }
}
