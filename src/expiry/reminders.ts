// Pure: which expiry reminder is due for a token, when the next one is, and what the badge counts.
// Times are in the server's clock. A reminder is sent once per token per lead time, ever; after a
// sleep across several lead times only the most urgent one is sent (one catch-up, not a burst), and a
// token that became the user's after a lead time passed gets no catch-up for it.

const MINUTE = 60_000;
/** XNAT's sweep removes an expired token within the hour; after that it cannot be on the list. */
const SWEEP_WINDOW_MS = 60 * MINUTE;

export interface ReminderDecision {
  /** The lead time (minutes before expiry) to notify about now, or null. */
  notify: number | null;
  /** Lead times to record as sent (the one notified, and any it made redundant). */
  markSent: number[];
}

/**
 * @param leadMinutes the configured lead times, e.g. [1440, 60, 0]
 * @param sent lead times already notified for this token; null if the token was never seen before
 * @param since when the token became the user's (server time), if it did
 */
export function dueReminder(
  expiry: number,
  leadMinutes: number[],
  sent: number[] | null,
  serverNow: number,
  since?: number,
): ReminderDecision {
  const passed = leadMinutes.filter((lead) => serverNow >= expiry - lead * MINUTE);
  const fresh = passed.filter((lead) => !(sent ?? []).includes(lead));
  if (fresh.length === 0) return { notify: null, markSent: [] };
  // A token first seen after it already expired is not news: record it, say nothing.
  if (sent === null && serverNow >= expiry) return { notify: null, markSent: passed };
  // Lead times that had passed when the token became the user's: they just looked at it.
  const news = since === undefined ? fresh : fresh.filter((lead) => expiry - lead * MINUTE > since);
  return { notify: news.length ? Math.min(...news) : null, markSent: fresh };
}

/** When (server time) the next reminder for this token falls due, or null if none is left. */
export function nextReminderAt(expiry: number, leadMinutes: number[], sent: number[]): number | null {
  const pending = leadMinutes.filter((lead) => !sent.includes(lead)).map((lead) => expiry - lead * MINUTE);
  return pending.length ? Math.min(...pending) : null;
}

/** The badge counts tokens inside the shortest lead time that is not "at expiry" (1 hour by default). */
export function badgeWindowMinutes(leadMinutes: number[]): number {
  const positive = leadMinutes.filter((lead) => lead > 0);
  return positive.length ? Math.min(...positive) : 60;
}

export function inBadgeWindow(expiry: number, leadMinutes: number[], serverNow: number): boolean {
  const remaining = expiry - serverNow;
  return remaining <= badgeWindowMinutes(leadMinutes) * MINUTE && remaining > -SWEEP_WINDOW_MS;
}
