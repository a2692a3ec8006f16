// XNAT's readable `SESSION_EXPIRATION_TIME` cookie, reset on every authenticated request:
// `"<lastRequestMs>,<timeoutMs>"`, sometimes quoted or URL-encoded (facts §4).

export interface SessionExpiration {
  lastRequestMs: number;
  timeoutMs: number;
  endsAtMs: number;
}

export function parseSessionExpiration(cookieValue: string | null | undefined): SessionExpiration | null {
  if (!cookieValue) return null;
  let value = cookieValue.trim();
  try {
    value = decodeURIComponent(value);
  } catch {
    return null;
  }
  const m = /^"?(\d{10,15}),(\d{1,12})"?$/.exec(value);
  if (!m) return null;
  const lastRequestMs = Number(m[1]);
  const timeoutMs = Number(m[2]);
  return { lastRequestMs, timeoutMs, endsAtMs: lastRequestMs + timeoutMs };
}

/** Find the cookie in a `document.cookie`-style string. */
export function readSessionExpirationCookie(cookieHeader: string): SessionExpiration | null {
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === 'SESSION_EXPIRATION_TIME') {
      return parseSessionExpiration(part.slice(eq + 1));
    }
  }
  return null;
}
