// One vocabulary for outcomes across the XNAT client, snippets, storage and messaging: a value, or a
// failure named by its kind. Failures carry no words (src/i18n/failures.ts words them) and never a
// server body, a URL with a secret or a token field.

export type FailureKind =
  // What XNAT (or the network to it) did.
  | 'logged-out'
  | 'forbidden'
  | 'not-found'
  | 'timeout'
  | 'server-error'
  | 'bad-response'
  | 'network'
  | 'not-xnat'
  | 'redirected'
  | 'unsupported-version'
  | 'other-user'
  // A listed token belongs to another account than the one logged in (a planted session cookie).
  | 'foreign-token'
  // What the extension refused or could not do.
  | 'bad-url'
  | 'grant-refused'
  | 'no-permission'
  | 'unknown-server'
  | 'unknown-token'
  | 'bad-request'
  | 'not-allowed'
  | 'clipboard'
  | 'internal'
  | 'background-unreachable'
  // Why a command could not be written (src/snippets/).
  | 'bad-alias'
  | 'bad-secret'
  | 'bad-server'
  | 'bad-request-path'
  | 'not-quotable'
  | 'undated-token';

export interface Failure {
  kind: FailureKind;
  /** HTTP status, when the server answered with one. */
  status?: number;
  /** The server's XNAT version, when that is the reason. */
  version?: string;
}

export type Success<T> = { ok: true; value: T };
export type Failed = { ok: false; failure: Failure };
export type Result<T> = Success<T> | Failed;

export const ok = <T>(value: T): Success<T> => ({ ok: true, value });

export function failed(kind: FailureKind, detail: Omit<Failure, 'kind'> = {}): Failed {
  return { ok: false, failure: { kind, ...detail } };
}
