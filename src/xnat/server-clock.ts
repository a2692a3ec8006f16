// Token times are the server's; a laptop clock that is hours off would make every countdown wrong.
// The offset is read from a response's `Date` header (1 s resolution), against the request's midpoint.

export function clockOffsetMs(serverDateMs: number, requestStartMs: number, responseEndMs: number): number {
  const midpoint = requestStartMs + (responseEndMs - requestStartMs) / 2;
  const offset = serverDateMs - midpoint;
  // The header drops milliseconds, so anything within a second is the same clock.
  return Math.abs(offset) < 1000 ? 0 : Math.round(offset);
}
