// Pure, typed XNAT REST client: fetch is injected, no browser API, no DOM (design.md, principle 1).
// Endpoints and their quirks: ../shared/xnat-facts.md §1, §4; AliasTokenRestlet.java in XNAT.
import { fail, type Outcome, succeed } from './failure';
import { type FetchLike, getText, type HttpOptions, parseJsonBody } from './http';
import { baseUrl, type ServerRef } from './server-ref';
import { type AliasToken, decodeToken, decodeTokenList, isAlias, isSecret, type TokenList } from './token';

const TOKENS = '/data/services/tokens';

export interface XnatClient {
  readonly base: string;
  currentUser(): Promise<Outcome<string>>;
  listTokens(): Promise<Outcome<TokenList>>;
  issueToken(): Promise<Outcome<AliasToken>>;
  invalidateToken(idOrAlias: number | string): Promise<Outcome<void>>;
}

function requester(fetchFn: FetchLike, server: ServerRef, options: HttpOptions) {
  const base = baseUrl(server);
  const get = (path: string) => getText(fetchFn, base + path, base, options);
  const getJson = async (path: string): Promise<Outcome<unknown>> => {
    const response = await get(path);
    if (!response.ok) return response;
    const parsed = parseJsonBody(response.value.text);
    return parsed.ok ? succeed(parsed.value, response.serverDateMs) : parsed;
  };
  return { base, get, getJson };
}

export function createXnatClient(
  fetchFn: FetchLike,
  server: ServerRef,
  options: HttpOptions = {},
): XnatClient {
  const { base, get, getJson } = requester(fetchFn, server, options);
  const withDate = <T>(decoded: Outcome<T>, serverDateMs: number | null): Outcome<T> =>
    decoded.ok ? succeed(decoded.value, serverDateMs) : decoded;

  return {
    base,

    async currentUser() {
      // /xapi/users/username is 1.8.0+; older servers answer 404 there and `User 'x' is logged in` at /data/auth.
      const modern = await get('/xapi/users/username');
      let name: string | null = null;
      let serverDateMs: number | null = null;
      if (modern.ok) {
        name = modern.value.text.trim().replace(/^"(.*)"$/, '$1');
        serverDateMs = modern.serverDateMs;
      } else if (modern.failure.kind === 'not-found') {
        const legacy = await get('/data/auth');
        if (!legacy.ok) return legacy;
        name = /User '([^']+)' is logged in/.exec(legacy.value.text)?.[1] ?? null;
        serverDateMs = legacy.serverDateMs;
      } else {
        return modern;
      }
      if (name === null || !/^[^\s<>]{1,255}$/.test(name)) {
        return fail('bad-response', 'The server did not say who is logged in.');
      }
      if (name === 'guest') return fail('logged-out', 'You are not logged in to this XNAT.');
      return succeed(name, serverDateMs);
    },

    async listTokens() {
      const raw = await getJson(`${TOKENS}/show?format=json`);
      return raw.ok ? withDate(decodeTokenList(raw.value), raw.serverDateMs) : raw;
    },

    async issueToken() {
      const raw = await getJson(`${TOKENS}/issue?format=json`);
      return raw.ok ? withDate(decodeToken(raw.value), raw.serverDateMs) : raw;
    },

    async invalidateToken(idOrAlias) {
      const key = tokenKey(idOrAlias);
      if (key === null) return fail('not-found', 'That is not a token id or alias.');
      const raw = await getJson(`${TOKENS}/invalidate/${key}?format=json`);
      if (!raw.ok) return raw;
      const result = (raw.value as { result?: unknown } | null)?.result;
      return result === 'OK'
        ? succeed(undefined, raw.serverDateMs)
        : fail('bad-response', 'XNAT did not confirm the deletion.');
    },
  };
}

/**
 * Kept out of the client on purpose: validating uses up a single-use token, so the worker must never
 * "check" a token this way, and its bundle does not even carry the call.
 */
export async function validateToken(
  fetchFn: FetchLike,
  server: ServerRef,
  alias: string,
  secret: string,
  options: HttpOptions = {},
): Promise<Outcome<{ valid: boolean; username?: string }>> {
  if (!isAlias(alias) || !isSecret(secret)) return fail('bad-response', 'That is not a well-formed token.');
  const raw = await requester(fetchFn, server, options).getJson(
    `${TOKENS}/validate/${alias}/${secret}?format=json`,
  );
  if (!raw.ok) return raw.failure.kind === 'not-found' ? succeed({ valid: false }, null) : raw;
  const valid = (raw.value as { valid?: unknown } | null)?.valid;
  return typeof valid === 'string' && valid !== ''
    ? succeed({ valid: true, username: valid }, raw.serverDateMs)
    : succeed({ valid: false }, raw.serverDateMs);
}

/** Only an integer id or a UUID alias ever reaches a URL path. */
function tokenKey(idOrAlias: number | string): string | null {
  if (typeof idOrAlias === 'number')
    return Number.isSafeInteger(idOrAlias) && idOrAlias >= 0 ? String(idOrAlias) : null;
  if (/^\d{1,15}$/.test(idOrAlias) || isAlias(idOrAlias)) return idOrAlias;
  return null;
}
