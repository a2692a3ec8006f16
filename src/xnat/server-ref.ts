// A server is an origin plus the context path XNAT is deployed under (`https://host/xnat`).

export interface ServerRef {
  /** `https://xnat.example.org` (scheme, host, port; no trailing slash). */
  origin: string;
  /** `''` or `/xnat`: no trailing slash. */
  contextPath: string;
}

export function baseUrl(server: ServerRef): string {
  return server.origin + server.contextPath;
}

/** Stable key for storage and messages: two servers on one host differ by context path. */
export function serverId(server: ServerRef): string {
  return baseUrl(server);
}

/**
 * Parse a base URL the user typed or a page reported. Only http(s), no credentials, query or
 * fragment: a base URL ends up in shell commands, so anything surprising is refused here.
 */
export function parseBaseUrl(input: string): ServerRef | null {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password || url.search || url.hash) return null;
  const contextPath = url.pathname.replace(/\/+$/, '');
  if (!/^(\/[A-Za-z0-9._~-]+)*$/.test(contextPath)) return null;
  return { origin: url.origin, contextPath };
}

/** The grant that covers a URL: its host, any port, any path (one grant covers every XNAT there). */
export function hostPattern(url: string): string | null {
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? `${protocol}//${hostname}/*` : null;
  } catch {
    return null;
  }
}
