// What a snippet is built from, checked before any text is produced: malformed tokens and URLs are
// refused with a typed failure, never turned into partial output.
import { failed, ok, type Result } from '../result';
import { baseUrl, parseBaseUrl, type ServerRef } from '../xnat/server-identity';
import { isAlias, isPlausibleTime, isSecret } from '../xnat/token';

export const DEFAULT_REQUEST_PATH = '/data/projects?format=csv';

export interface SnippetRequest {
  server: ServerRef;
  alias: string;
  secret: string;
  /** Below the server root, e.g. `/data/projects?format=csv`. */
  requestPath?: string;
  /** The token's own dates (epoch ms, as XNAT reports them): the renewing form times renewal by them. */
  created?: number;
  expiry?: number;
}

export interface SnippetInput {
  base: string;
  host: string;
  alias: string;
  secret: string;
  requestPath: string;
  created: number | null;
  expiry: number | null;
}

// Unreserved and sub-delims, `:@/?%` (RFC 3986), without `#`: what may follow the server root.
const REQUEST_PATH = /^\/[A-Za-z0-9\-._~!$&'()*+,;=:@/?%]*$/;

export function isRequestPath(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length <= 2000 &&
    REQUEST_PATH.test(value) &&
    !/%(?![0-9A-Fa-f]{2})/.test(value)
  );
}

export function checkRequest(request: SnippetRequest): Result<SnippetInput> {
  if (!isAlias(request.alias)) return failed('bad-alias');
  if (!isSecret(request.secret)) return failed('bad-secret');
  const server = parseBaseUrl(baseUrl(request.server));
  if (
    !server ||
    server.origin !== request.server.origin ||
    server.contextPath !== request.server.contextPath
  ) {
    return failed('bad-server');
  }
  const requestPath = request.requestPath ?? DEFAULT_REQUEST_PATH;
  if (!isRequestPath(requestPath)) return failed('bad-request-path');
  return ok({
    base: baseUrl(server),
    host: new URL(server.origin).hostname,
    alias: request.alias,
    secret: request.secret,
    requestPath,
    created: isPlausibleTime(request.created) ? Math.round(request.created) : null,
    expiry: isPlausibleTime(request.expiry) ? Math.round(request.expiry) : null,
  });
}
