// Pure, typed XNAT REST client: fetch is injected, no browser API, no DOM. Endpoints and their
// quirks: ARCHITECTURE.md, "XNAT facts"; AliasTokenRestlet.java in XNAT's source.
import { failed } from '../result';
import { type ContainerInfo, decodeContainers } from './containers';
import {
  dated,
  type FetchLike,
  getText,
  type HttpOptions,
  parseJsonBody,
  type TextResponse,
  type XnatResult,
} from './http';
import { baseUrl, type ServerRef } from './server-identity';
import { decodeToken, decodeTokenList, type IssuedToken, isAlias, isSecret, type TokenList } from './token';

const TOKENS = '/data/services/tokens';

export interface XnatClient {
  readonly base: string;
  currentUser(): Promise<XnatResult<string>>;
  listTokens(): Promise<XnatResult<TokenList>>;
  /** XNAT 1.7.0 issues tokens without an id: still usable for the copy made at creation. */
  issueToken(): Promise<XnatResult<IssuedToken>>;
  invalidateToken(idOrAlias: number | string): Promise<XnatResult<void>>;
  /** The container service's containers (404: not installed; 403: not allowed). */
  listContainers(): Promise<XnatResult<ContainerInfo[]>>;
}

function requester(fetchFn: FetchLike, server: ServerRef, options: HttpOptions) {
  const base = baseUrl(server);
  // XNAT redirects API calls only to its login page (browser agents, no session).
  const get = async (path: string): Promise<XnatResult<TextResponse>> => {
    const response = await getText(fetchFn, base + path, base, options);
    return !response.ok && response.failure.kind === 'redirected' ? failed('logged-out') : response;
  };
  const getJson = async (path: string): Promise<XnatResult<unknown>> => {
    const response = await get(path);
    if (!response.ok) return response;
    const parsed = parseJsonBody(response.value.text);
    return parsed.ok ? dated(parsed.value, response.serverDateMs ?? null) : parsed;
  };
  return { base, get, getJson };
}

/**
 * `show` and the token page arrived in XNAT 1.7.5: earlier versions answer 400 "Unknown operation".
 * Versions that do not parse (a development build) are given the benefit of the doubt.
 */
export function canListTokens(version: string): boolean {
  const m = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(version);
  if (!m) return true;
  const [major, minor, patch] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
  return major > 1 || (major === 1 && (minor > 7 || (minor === 7 && patch >= 5)));
}

export function createXnatClient(
  fetchFn: FetchLike,
  server: ServerRef & { version?: string },
  options: HttpOptions = {},
): XnatClient {
  const { base, get, getJson } = requester(fetchFn, server, options);
  const withDate = <T>(decoded: XnatResult<T>, serverDateMs?: number | null): XnatResult<T> =>
    decoded.ok ? dated(decoded.value, serverDateMs ?? null) : decoded;

  return {
    base,

    async currentUser() {
      // /xapi/users/username is 1.8.0+. 1.7 reads "username" as a user to look up: 404, or 403 where
      // the user list is restricted to admins. Both know `User 'x' is logged in` at /data/auth.
      const modern = await get('/xapi/users/username');
      let name: string | null = null;
      let serverDateMs: number | null = null;
      if (modern.ok) {
        name = modern.value.text.trim().replace(/^"(.*)"$/, '$1');
        serverDateMs = modern.serverDateMs ?? null;
      } else if (modern.failure.kind === 'not-found' || modern.failure.kind === 'forbidden') {
        const legacy = await get('/data/auth');
        if (!legacy.ok) return legacy;
        name = /User '([^']+)' is logged in/.exec(legacy.value.text)?.[1] ?? null;
        serverDateMs = legacy.serverDateMs ?? null;
      } else {
        return modern;
      }
      if (name === null || !/^[^\s<>]{1,255}$/.test(name)) return failed('bad-response');
      if (name === 'guest') return failed('logged-out');
      return dated(name, serverDateMs);
    },

    async listTokens() {
      const unsupported = () =>
        failed('unsupported-version', server.version ? { version: server.version } : {});
      if (server.version && !canListTokens(server.version)) return unsupported();
      const raw = await getJson(`${TOKENS}/show?format=json`);
      if (!raw.ok) return raw.failure.status === 400 ? unsupported() : raw;
      return withDate(decodeTokenList(raw.value), raw.serverDateMs);
    },

    async issueToken() {
      const raw = await getJson(`${TOKENS}/issue?format=json`);
      return raw.ok ? withDate(decodeToken(raw.value, { idOptional: true }), raw.serverDateMs) : raw;
    },

    async listContainers() {
      const raw = await getJson('/xapi/containers?format=json');
      return raw.ok ? withDate(decodeContainers(raw.value), raw.serverDateMs) : raw;
    },

    async invalidateToken(idOrAlias) {
      const key = tokenKey(idOrAlias);
      if (key === null) return failed('bad-request');
      const raw = await getJson(`${TOKENS}/invalidate/${key}?format=json`);
      if (!raw.ok) return raw;
      const result = (raw.value as { result?: unknown } | null)?.result;
      return result === 'OK' ? dated(undefined, raw.serverDateMs ?? null) : failed('bad-response');
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
): Promise<XnatResult<{ valid: boolean; username?: string }>> {
  if (!isAlias(alias) || !isSecret(secret)) return failed(isAlias(alias) ? 'bad-secret' : 'bad-alias');
  const raw = await requester(fetchFn, server, options).getJson(
    `${TOKENS}/validate/${alias}/${secret}?format=json`,
  );
  if (!raw.ok) return raw.failure.kind === 'not-found' ? dated({ valid: false }, null) : raw;
  const valid = (raw.value as { valid?: unknown } | null)?.valid;
  return typeof valid === 'string' && valid !== ''
    ? dated({ valid: true, username: valid }, raw.serverDateMs ?? null)
    : dated({ valid: false }, raw.serverDateMs ?? null);
}

/** Only an integer id or a UUID alias ever reaches a URL path. */
function tokenKey(idOrAlias: number | string): string | null {
  if (typeof idOrAlias === 'number')
    return Number.isSafeInteger(idOrAlias) && idOrAlias >= 0 ? String(idOrAlias) : null;
  if (/^\d{1,15}$/.test(idOrAlias) || isAlias(idOrAlias)) return idOrAlias;
  return null;
}
