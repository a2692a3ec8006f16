// The sending side: typed requests in, typed replies out, with a dead or restarting worker turned
// into a failure the UI can show rather than an exception.
import { failed } from '../result';
import type { Reply, RequestOf, RequestType, ResponseOf } from './protocol';

export type Transport = (message: unknown) => Promise<unknown>;

export type Send = <K extends RequestType>(type: K, payload: RequestOf<K>) => Promise<Reply<ResponseOf<K>>>;

export function createSend(transport: Transport): Send {
  return async (type, payload) => {
    try {
      const reply = await transport({ type, payload });
      return isReply(reply) ? (reply as Reply<ResponseOf<typeof type>>) : failed('background-unreachable');
    } catch {
      return failed('background-unreachable');
    }
  };
}

function isReply(value: unknown): value is Reply<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { ok?: unknown; failure?: unknown };
  return v.ok === true || (v.ok === false && typeof v.failure === 'object' && v.failure !== null);
}
