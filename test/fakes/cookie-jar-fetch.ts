// Node's fetch keeps no cookies and says it is `node`; XNAT treats browsers differently (302 to
// Login.vm rather than 401). This fetch behaves like a browser tab or like curl, with a cookie jar.

export const BROWSER_AGENT =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36';
export const CURL_AGENT = 'curl/8.5.0';

export interface JarFetch {
  (input: string, init?: RequestInit): Promise<Response>;
  cookies: Map<string, string>;
  /** Every URL requested, redirects included. */
  requested: string[];
}

export function cookieJarFetch(
  agent: string = BROWSER_AGENT,
  options: { followRedirects?: boolean } = {},
): JarFetch {
  const cookies = new Map<string, string>();
  const requested: string[] = [];
  const jarFetch = (async (input: string, init: RequestInit = {}) => {
    let url = input;
    let method = init.method ?? 'GET';
    let body = init.body;
    for (let hop = 0; hop < 10; hop++) {
      requested.push(url);
      const headers = new Headers(init.headers);
      headers.set('User-Agent', agent);
      if (cookies.size && init.credentials !== 'omit') {
        headers.set('Cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '));
      }
      const response = await fetch(url, { ...init, method, body, headers, redirect: 'manual' });
      for (const line of response.headers.getSetCookie()) {
        const [pair = ''] = line.split(';');
        const eq = pair.indexOf('=');
        const [name, value] = [pair.slice(0, eq).trim(), pair.slice(eq + 1).trim()];
        if (/max-age=0/i.test(line) || value === '') cookies.delete(name);
        else cookies.set(name, value);
      }
      const location = response.headers.get('location');
      if (options.followRedirects === false || !location || response.status < 300 || response.status >= 400) {
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
