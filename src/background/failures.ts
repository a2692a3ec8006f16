// Replies the handlers give: one helper for success, one for each failure they raise themselves.
import type { Failure, FailureKind, Reply } from '../messaging/protocol';
import type { XnatFailure } from '../xnat/failure';

export const ok = <T>(value: T): Reply<T> => ({ ok: true, value });

export const failed = (kind: FailureKind, message: string): { ok: false; failure: Failure } => ({
  ok: false,
  failure: { kind, message },
});

/** XNAT failures cross the boundary as they are: their messages are fixed phrases without data. */
export const fromXnat = (failure: XnatFailure): { ok: false; failure: Failure } =>
  failed(failure.kind, failure.message);
