// The one place that sends requests to XNAT: session cookies, time-out, size cap, login detection.
// Pure apart from the injected fetch, so it runs the same in the worker, in Node tests and in benches.
import { type Failed, failed, type Result } from '../result';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface HttpOptions {
  timeoutMs?: number;
  maxBodyBytes?: number;
}

/** A result with the server's clock from its `Date` header, when it sent one. */
export type XnatResult<T> = Result<T> & { serverDateMs?: number | null };

export function dated<T>(value: T, serverDateMs: number | null): XnatResult<T> {
  return { ok: true, value, serverDateMs };
}

export interface TextResponse {
  text: string;
  contentType: string;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
// A token list of 1,000 tokens is about 300 KB; anything far larger is not an answer we asked for.
export const DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024;

const LOGIN_PAGE = /\/app\/template\/Login\.vm(?:$|[;?#])/;

/**
 * GET `url` with the browser's XNAT session. Redirects are never followed: a redirect could carry the
 * session's request (an issue, an invalidate) to another server, so it ends the call as `redirected`
 * (XNAT's only redirect for its API is to the login page; the client reads it as logged out).
 */
export async function getText(
  fetchFn: FetchLike,
  url: string,
  base: string,
  options: HttpOptions = {},
): Promise<XnatResult<TextResponse>> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    let response: Response;
    try {
      response = await fetchFn(url, {
        method: 'GET',
        credentials: 'include',
        cache: 'no-store',
        redirect: 'manual',
        headers: { Accept: 'application/json, text/plain;q=0.9, */*;q=0.8' },
        signal: controller.signal,
      });
    } catch {
      return failed(timedOut ? 'timeout' : 'network');
    }
    // A browser hands back an opaque redirect (status 0, no location); Node, the 3xx itself.
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
      await response.body?.cancel();
      return failed('redirected');
    }
    // A fetch that followed anyway (not ours): trust nothing that ended elsewhere.
    const finalUrl = response.url;
    if (finalUrl && LOGIN_PAGE.test(new URL(finalUrl).pathname)) {
      await response.body?.cancel();
      return failed('logged-out', { status: response.status });
    }
    if (response.redirected || (finalUrl && !isUnder(finalUrl, base))) {
      await response.body?.cancel();
      return failed('redirected', { status: response.status });
    }
    const statusFailure = failureForStatus(response.status);
    if (statusFailure) {
      await response.body?.cancel();
      return statusFailure;
    }
    const body = await readCapped(response, maxBodyBytes, () => timedOut);
    if (!body.ok) return body;
    return dated(
      { text: body.value, contentType: response.headers.get('content-type') ?? '' },
      parseDateHeader(response.headers.get('date')),
    );
  } finally {
    clearTimeout(timer);
  }
}

function failureForStatus(status: number): Failed | null {
  if (status >= 200 && status < 300) return null;
  if (status === 401) return failed('logged-out', { status });
  if (status === 403) return failed('forbidden', { status });
  if (status === 404) return failed('not-found', { status });
  if (status === 408 || status === 504) return failed('timeout', { status });
  return failed('server-error', { status });
}

async function readCapped(
  response: Response,
  maxBytes: number,
  timedOut: () => boolean,
): Promise<Result<string>> {
  const tooLarge = () => failed('bad-response');
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    return tooLarge();
  }
  if (!response.body) return { ok: true, value: '' };
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let received = 0;
  let text = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      if (received > maxBytes) {
        await reader.cancel();
        return tooLarge();
      }
      text += decoder.decode(value, { stream: true });
    }
  } catch {
    return failed(timedOut() ? 'timeout' : 'network');
  }
  return { ok: true, value: text + decoder.decode() };
}

function isUnder(url: string, base: string): boolean {
  return url === base || url.startsWith(base.endsWith('/') ? base : `${base}/`) || url.startsWith(`${base}?`);
}

export function parseDateHeader(value: string | null): number | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

/** XNAT before 1.8 labels JSON as text, so the body is parsed whatever its content type. */
export function parseJsonBody(text: string): Result<unknown> {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('<')) return failed(looksLikeLoginPage(trimmed) ? 'logged-out' : 'bad-response');
  try {
    return { ok: true, value: JSON.parse(trimmed) };
  } catch {
    return failed('bad-response');
  }
}

function looksLikeLoginPage(html: string): boolean {
  return /Login\.vm|name=["']?(j_)?username/i.test(html) && /type=["']?password/i.test(html);
}
