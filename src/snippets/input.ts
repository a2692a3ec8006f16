// What a snippet is built from, checked before any text is produced (security.md: refuse malformed
// tokens and URLs with a typed error, never partial output).
import { baseUrl, parseBaseUrl, type ServerRef } from '../xnat/server-ref';
import { isAlias, isSecret } from '../xnat/token';

export const DEFAULT_REQUEST_PATH = '/data/projects?format=csv';

export interface SnippetRequest {
  server: ServerRef;
  alias: string;
  secret: string;
  /** Below the server root, e.g. `/data/projects?format=csv`. */
  requestPath?: string;
}

export interface SnippetInput {
  base: string;
  host: string;
  alias: string;
  secret: string;
  requestPath: string;
}

export type SnippetErrorKind =
  | 'bad-alias'
  | 'bad-secret'
  | 'bad-server'
  | 'bad-request-path'
  | 'not-quotable';

export interface SnippetError {
  kind: SnippetErrorKind;
  message: string;
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

export function checkRequest(
  request: SnippetRequest,
): { ok: true; input: SnippetInput } | { ok: false; error: SnippetError } {
  const refuse = (kind: SnippetErrorKind, message: string) => ({
    ok: false as const,
    error: { kind, message },
  });
  if (!isAlias(request.alias)) return refuse('bad-alias', 'The token alias is not a UUID.');
  if (!isSecret(request.secret))
    return refuse('bad-secret', 'The token secret is not 1 to 128 letters and digits.');
  const server = parseBaseUrl(baseUrl(request.server));
  if (
    !server ||
    server.origin !== request.server.origin ||
    server.contextPath !== request.server.contextPath
  ) {
    return refuse('bad-server', 'The server address is not a plain http(s) URL.');
  }
  const requestPath = request.requestPath ?? DEFAULT_REQUEST_PATH;
  if (
    !REQUEST_PATH.test(requestPath) ||
    /%(?![0-9A-Fa-f]{2})/.test(requestPath) ||
    requestPath.length > 2000
  ) {
    return refuse('bad-request-path', 'The request path must start with / and hold only URL characters.');
  }
  return {
    ok: true,
    input: {
      base: baseUrl(server),
      host: new URL(server.origin).hostname,
      alias: request.alias,
      secret: request.secret,
      requestPath,
    },
  };
}
