// Pure: what a countdown says and how urgent it looks. Times are in the server's clock; XNAT's
// expiry is an estimate (its sweep runs hourly), so "expired" always says so.
import type { Strings } from '../i18n/strings';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export type Urgency = 'ok' | 'soon' | 'urgent' | 'expired';

/** "1 d 3 h", "5 h 12 min", "42 min", "35 s": the largest two units that matter. */
export function timeLeftText(remainingMs: number, t: Strings): string {
  const ms = Math.max(0, remainingMs);
  const n = (value: number) => String(value);
  if (ms >= DAY) {
    const days = Math.floor(ms / DAY);
    const hours = Math.floor((ms % DAY) / HOUR);
    return hours ? t('durationDaysHours', n(days), n(hours)) : t('durationDays', n(days));
  }
  if (ms >= HOUR) {
    const hours = Math.floor(ms / HOUR);
    const minutes = Math.floor((ms % HOUR) / MINUTE);
    return minutes ? t('durationHoursMinutes', n(hours), n(minutes)) : t('durationHours', n(hours));
  }
  if (ms >= MINUTE) return t('durationMinutes', n(Math.floor(ms / MINUTE)));
  return t('durationSeconds', n(Math.max(1, Math.floor(ms / SECOND))));
}

export function countdownText(expiryMs: number, nowMs: number, t: Strings): string {
  const remaining = expiryMs - nowMs;
  return remaining > 0 ? t('countdownExpiresIn', timeLeftText(remaining, t)) : t('countdownExpired');
}

/**
 * Scaled to the site's token lifetime: "soon" from half of it (where a renewer renews), "urgent" in
 * its last 48th. On XNAT's default 2 days that is 1 day and 1 hour; on a 6-hour site, 3 h and 7.5 min.
 */
export function urgency(expiryMs: number, nowMs: number, lifetimeMs = DEFAULT_LIFETIME_MS): Urgency {
  const remaining = expiryMs - nowMs;
  if (remaining <= 0) return 'expired';
  if (remaining <= lifetimeMs / 48) return 'urgent';
  if (remaining <= lifetimeMs / 2) return 'soon';
  return 'ok';
}

/** XNAT's default aliasTokenTimeout. */
export const DEFAULT_LIFETIME_MS = 2 * DAY;

/**
 * How long tokens live on a site, from what XNAT listed (`estimatedExpirationTime − created`; the
 * setting itself is for admins only): the newest token's, as issued under the setting in force now.
 * Null when nothing was listed.
 */
export function siteLifetime(tokens: readonly { created: number; expiry: number }[]): number | null {
  let newest: { created: number; expiry: number } | null = null;
  for (const token of tokens) if (!newest || token.created > newest.created) newest = token;
  const lifetime = newest ? newest.expiry - newest.created : 0;
  return lifetime > 0 ? Math.round(lifetime / MINUTE) * MINUTE : null;
}

/** How long until this countdown's text changes, so one timer can wake exactly when needed. */
export function msUntilTextChanges(expiryMs: number, nowMs: number): number {
  const remaining = expiryMs - nowMs;
  if (remaining <= 0) return Number.POSITIVE_INFINITY;
  // The last two seconds all read "1 s"; the next change is to "expired".
  if (remaining < 2 * SECOND) return remaining;
  // Units are floored, so the text changes as soon as the remaining time drops below a boundary.
  const unit = remaining < MINUTE ? SECOND : remaining < DAY ? MINUTE : HOUR;
  return (remaining % unit) + 1;
}

/** The delay for one shared timer: the soonest change among all countdowns, at least `floorMs`. */
export function nextTickMs(expiries: number[], nowMs: number, floorMs = 250): number {
  let soonest = Number.POSITIVE_INFINITY;
  for (const expiry of expiries) soonest = Math.min(soonest, msUntilTextChanges(expiry, nowMs));
  return Math.max(floorMs, soonest);
}

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * The exact date for a tooltip, in the user's locale and zone. One formatter per locale: building
 * one per call (what toLocaleString does) dominated rendering a list of a thousand tokens.
 */
export function exactDate(ms: number, locale?: string): string {
  const key = locale ?? '';
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    formats.set(key, format);
  }
  // A date no Date can hold prints as a dash rather than throw in the middle of a render.
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? format.format(ms) : '–';
}
