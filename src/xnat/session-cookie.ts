// XNAT's readable `SESSION_EXPIRATION_TIME` cookie, reset on every authenticated request. XNAT
// writes `"<lastRequestMs>,<timeoutMs>"` (sometimes quoted or URL-encoded); an unreleased 1.9 change
// writes the session's end as one epoch value. Its path is `<context>/` since 1.7.4 (the page sees it
// either way), and 1.8.0 marked it Secure, so on plain http it may be missing: then nothing is said.

export interface SessionExpiration {
  endsAtMs: number;
}

export function parseSessionExpiration(cookieValue: string | null | undefined): SessionExpiration | null {
  if (!cookieValue) return null;
  let value = cookieValue.trim();
  try {
    value = decodeURIComponent(value).replace(/^"(.*)"$/, '$1');
  } catch {
    return null;
  }
  const pair = /^(\d{10,15}),(\d{1,12})$/.exec(value);
  if (pair) return { endsAtMs: Number(pair[1]) + Number(pair[2]) };
  const single = /^\d{12,15}$/.exec(value);
  return single ? { endsAtMs: Number(value) } : null;
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
