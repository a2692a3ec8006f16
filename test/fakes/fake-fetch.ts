// A fetch that answers from a table, for client tests that need exact control over a response
// (redirect targets, headers, bodies) without a server.

export interface FakeAnswer {
  status?: number;
  body?: string | Uint8Array<ArrayBuffer>;
  headers?: Record<string, string>;
  /** The URL the browser ended on after following redirects. */
  finalUrl?: string;
  /** Reject like a failed connection. */
  networkError?: boolean;
  /** Never answer (until aborted). */
  hang?: boolean;
}

export type Route = (url: string) => FakeAnswer | undefined;

export interface FakeFetch {
  (input: string, init?: RequestInit): Promise<Response>;
  calls: { url: string; init?: RequestInit }[];
}

export function fakeFetch(route: Route | Record<string, FakeAnswer>): FakeFetch {
  const lookup: Route =
    typeof route === 'function'
      ? route
      : (url) => {
          const path = new URL(url).pathname + new URL(url).search;
          const key = Object.keys(route).find((k) => path === k || path.startsWith(`${k}?`) || url === k);
          return key === undefined ? undefined : route[key];
        };
  const calls: FakeFetch['calls'] = [];
  const fn = (async (input: string, init?: RequestInit) => {
    calls.push({ url: input, init });
    const answer = lookup(input) ?? {
      status: 404,
      body: '<h3>Not Found</h3>',
      headers: { 'content-type': 'text/html' },
    };
    if (answer.networkError) throw new TypeError('Failed to fetch');
    if (answer.hang) {
      return new Promise<Response>((_, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    }
    const response = new Response(answer.body ?? '', {
      status: answer.status ?? 200,
      headers: answer.headers,
    });
    Object.defineProperty(response, 'url', { value: answer.finalUrl ?? input });
    Object.defineProperty(response, 'redirected', {
      value: answer.finalUrl !== undefined && answer.finalUrl !== input,
    });
    return response;
  }) as FakeFetch;
  fn.calls = calls;
  return fn;
}

export const json = (value: unknown, headers: Record<string, string> = {}): FakeAnswer => ({
  body: JSON.stringify(value),
  headers: { 'content-type': 'application/json;charset=UTF-8', ...headers },
});
