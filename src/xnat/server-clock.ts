// Token times are the server's; a laptop clock that is hours off would make every countdown wrong.
// The offset is read from a response's `Date` header (1 s resolution), against the request's midpoint.

/** A clock this far off is a broken or hostile `Date` header, not a wrong laptop clock. */
export const MAX_CLOCK_OFFSET_MS = 365 * 24 * 60 * 60 * 1000;

/** The server clock minus this computer's; null for a header absurdly far off (kept out). */
export function clockOffsetMs(
  serverDateMs: number,
  requestStartMs: number,
  responseEndMs: number,
): number | null {
  const midpoint = requestStartMs + (responseEndMs - requestStartMs) / 2;
  const offset = serverDateMs - midpoint;
  if (!Number.isFinite(offset) || Math.abs(offset) > MAX_CLOCK_OFFSET_MS) return null;
  // The header drops milliseconds, so anything within a second is the same clock.
  return Math.abs(offset) < 1000 ? 0 : Math.round(offset);
}
