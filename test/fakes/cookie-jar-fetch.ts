// Node's fetch keeps no cookies and says it is `node`; XNAT treats browsers differently (302 to
// Login.vm rather than 401). This fetch behaves like a browser tab or like curl, with a cookie jar.

export const BROWSER_AGENT =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36';
export const CURL_AGENT = 'curl/8.5.0';

/** Cookies by name, as a browser keeps them per host and path (ports do not separate cookies). */
export class CookieJar {
  private readonly entries = new Map<string, { name: string; value: string; host: string; path: string }>();

  store(url: string, setCookie: string): void {
    const [pair = '', ...attributes] = setCookie.split(';');
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    const pathAttribute = attributes.map((a) => a.trim()).find((a) => /^path=/i.test(a));
    const path = pathAttribute ? pathAttribute.slice(5) : '/';
    const host = new URL(url).hostname;
    const key = `${host} ${path} ${name}`;
    if (/max-age=0/i.test(setCookie) || value === '') this.entries.delete(key);
    else this.entries.set(key, { name, value, host, path });
  }

  header(url: string): string {
    const { hostname, pathname } = new URL(url);
    return [...this.entries.values()]
      .filter(
        (c) =>
          c.host === hostname &&
          (pathname === c.path || pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`)),
      )
      .sort((a, b) => b.path.length - a.path.length)
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }

  /** The value of a cookie by name (the most specific path wins). */
  get(name: string): string | undefined {
    const matching = [...this.entries.values()].filter((c) => c.name === name);
    return matching.sort((a, b) => b.path.length - a.path.length)[0]?.value;
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

export interface JarFetch {
  (input: string, init?: RequestInit): Promise<Response>;
  cookies: CookieJar;
  /** Every URL requested, redirects included. */
  requested: string[];
}

export function cookieJarFetch(
  agent: string = BROWSER_AGENT,
  options: { followRedirects?: boolean } = {},
): JarFetch {
  const cookies = new CookieJar();
  const requested: string[] = [];
  const jarFetch = (async (input: string, init: RequestInit = {}) => {
    let url = input;
    let method = init.method ?? 'GET';
    let body = init.body;
    for (let hop = 0; hop < 10; hop++) {
      requested.push(url);
      const headers = new Headers(init.headers);
      headers.set('User-Agent', agent);
      const cookieHeader = cookies.header(url);
      if (cookieHeader && init.credentials !== 'omit') headers.set('Cookie', cookieHeader);
      const response = await fetch(url, { ...init, method, body, headers, redirect: 'manual' });
      for (const line of response.headers.getSetCookie()) cookies.store(url, line);
      const location = response.headers.get('location');
      // `redirect: 'manual'` hands back the redirect itself, as Node's fetch does (a browser's is opaque).
      const follow = options.followRedirects !== false && init.redirect !== 'manual';
      if (!follow || !location || response.status < 300 || response.status >= 400) {
        Object.defineProperty(response, 'url', { value: url });
        Object.defineProperty(response, 'redirected', { value: hop > 0 });
        return response;
      }
      await response.body?.cancel();
      url = new URL(location, url).toString();
      method = 'GET';
      body = undefined;
    }
    throw new TypeError('Too many redirects');
  }) as JarFetch;
  jarFetch.cookies = cookies;
  jarFetch.requested = requested;
  return jarFetch;
}

/** Log in through XNAT's login form, as a person would. */
export async function logIn(
  fetchFn: JarFetch,
  base: string,
  username = 'alice',
  password = 'alice-pass',
): Promise<void> {
  const response = await fetchFn(`${base}/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username, password }).toString(),
  });
  await response.body?.cancel();
  if (!fetchFn.cookies.has('JSESSIONID')) throw new Error(`login as ${username} failed`);
}
