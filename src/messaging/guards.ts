// Run-time shape checks: what arrives over runtime messaging is untrusted input. The checks for each
// request are named in the request table (src/background/requests.ts), beside who may send it.
export type Guard = (payload: Record<string, unknown>) => boolean;

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
export const onlyKeys = (p: Record<string, unknown>, allowed: string[]) =>
  Object.keys(p).every((k) => allowed.includes(k));
export const isId = (value: unknown) => typeof value === 'string' && value.length > 0 && value.length <= 2048;
/** Token ids and tab ids: whole numbers from 0. */
export const isCount = (value: unknown) =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
export const empty: Guard = (p) => onlyKeys(p, []);

/** The envelope, checked for shape only: its type and payload are checked against the table. */
export function readEnvelope(message: unknown): { type: string; payload: Record<string, unknown> } | null {
  if (!isObject(message) || !onlyKeys(message, ['type', 'payload'])) return null;
  const { type, payload } = message;
  return typeof type === 'string' && isObject(payload) ? { type, payload } : null;
}
