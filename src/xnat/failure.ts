// Every way a call to XNAT can fail, as a value the UI can word and the messaging layer can carry.
// Messages are fixed phrases chosen here: never a server body, a URL with a secret, or a token field.

export type XnatFailureKind =
  | 'logged-out'
  | 'forbidden'
  | 'not-found'
  | 'timeout'
  | 'server-error'
  | 'bad-response'
  | 'network'
  | 'not-xnat';

export interface XnatFailure {
  kind: XnatFailureKind;
  /** HTTP status when the server answered; absent for network, timeout and decoding failures. */
  status?: number;
  message: string;
}

export type Outcome<T> =
  | {
      ok: true;
      value: T /** The server's clock from its `Date` header, if it sent one. */;
      serverDateMs: number | null;
    }
  | { ok: false; failure: XnatFailure };

export function fail(
  kind: XnatFailureKind,
  message: string,
  status?: number,
): { ok: false; failure: XnatFailure } {
  return { ok: false, failure: status === undefined ? { kind, message } : { kind, message, status } };
}

export function succeed<T>(value: T, serverDateMs: number | null): Outcome<T> {
  return { ok: true, value, serverDateMs };
}
