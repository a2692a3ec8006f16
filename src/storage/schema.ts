// What the extension remembers, as types with their defaults and the checks every read passes
// through: storage can hold anything an older version (or a bug) wrote, so nothing is trusted as is.
// Never a secret: a token is remembered by its alias, id and dates only.

import type { SnippetFormat } from '../snippets/format-names';
import { isSnippetFormat } from '../snippets/format-names';
import { DEFAULT_REQUEST_PATH, isRequestPath } from '../snippets/input';
import { MAX_CLOCK_OFFSET_MS } from '../xnat/server-clock';
import { isPlausibleTime } from '../xnat/token';

/** A known XNAT server. Its id is its base URL (origin + context path). */
export interface Server {
  id: string;
  origin: string;
  contextPath: string;
  /** The site's name (XNAT's `siteId`), cleaned of control characters and capped. */
  siteId: string;
  version: string;
  /** Server clock minus this computer's clock, from the last response's `Date` header. */
  clockOffsetMs: number;
  /**
   * The XNAT user the browser was last logged in as here: the popup, the page and reminders work on
   * this account's tokens. Absent until the first list after an update from a version without accounts.
   */
  account?: string;
  /** Every account whose tokens are remembered here (what the extension knows belongs to each). */
  accounts?: string[];
  /** How long tokens live here, from the tokens XNAT listed (the setting is for admins only). */
  tokenLifetimeMs?: number;
}

/** How many accounts one server remembers: a person with a lab and an admin account has a few. */
export const MAX_ACCOUNTS = 8;

/** XNAT user names: letters, digits and a few marks; nothing that could break a storage key apart. */
export const isAccountName = (v: unknown): v is string =>
  typeof v === 'string' && /^[^\s<>|]{1,255}$/.test(v);

/** Why a token counts as one the user uses. */
/** `renewing`: copied as a renewing .netrc, so a job's xnat-renew keeps it (and its successors) alive. */
export type YoursReason = 'created' | 'copied' | 'labelled' | 'watched' | 'renewing';
export const YOURS_REASONS: readonly YoursReason[] = ['created', 'copied', 'labelled', 'watched', 'renewing'];

/**
 * A token the user uses, as opposed to the hundreds a container service mints: made through the
 * extension (or on XNAT's page while the page script watched), copied through it, labelled, or
 * watched explicitly. `since` is in the server's clock: reminders whose time had passed by then are
 * not caught up on (the user just looked at the token).
 */
export interface Yours {
  since: number;
  why: YoursReason;
}

/** What is remembered about a token: never its secret. */
export interface TokenMeta {
  id: number;
  alias: string;
  created: number;
  /** XNAT's estimated expiry, in the server's clock. */
  expiry: number;
  singleUse: boolean;
  /** Issued by this extension (rather than by a pipeline, the Desktop Client or XNAT's page). */
  createdHere: boolean;
  label?: string;
  yours?: Yours;
  /** Lead times (minutes before expiry) already reminded of; absent until a reminder pass saw it. */
  reminded?: number[];
  /** Replaced: the extension deletes it at this time (the server's clock) unless the user keeps it. */
  deleteAt?: number;
  /** The container that holds it (its XNAT_USER), as the container service last said. */
  container?: HeldBy;
  /** The running job that holds it has been warned of losing it (once per token, ever). */
  jobWarned?: boolean;
}

/** A container holding a token: what it runs, where, and since when it runs or when it finished. */
export interface HeldBy {
  running: boolean;
  what: string;
  project: string;
  since: number;
}

/** What the popup paints first: the tokens the user uses, and only a count of the others. */
export interface TokenSummary {
  yours: TokenMeta[];
  others: number;
}

export type RemindAbout = 'yours' | 'all';

export interface Settings {
  defaultFormat: SnippetFormat;
  requestPath: string;
  /** 0 turns auto-clear off. */
  clipboardClearSeconds: number;
  /** Minutes before expiry at which to remind; 0 means at expiry. */
  notifyMinutesBefore: number[];
  /** The note that clipboard history may keep copies has been shown (it is shown once). */
  clipboardNoteShown: boolean;
  /** Reminders and the badge cover the tokens the user uses, or every token. */
  remindAbout: RemindAbout;
  /** Warn before a running container loses its token (the user's own launches). */
  warnJobs: boolean;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  // The one-line `curl -u ALIAS:SECRET URL` XNAT's own page tells users to run ("Copy as curl").
  defaultFormat: 'curl',
  requestPath: DEFAULT_REQUEST_PATH,
  clipboardClearSeconds: 0,
  notifyMinutesBefore: [24 * 60, 60, 0],
  clipboardNoteShown: false,
  remindAbout: 'yours',
  warnJobs: true,
});

const isInteger = (v: unknown, min: number, max: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;

const SETTING_CHECKS: { [K in keyof Settings]: (value: unknown) => boolean } = {
  defaultFormat: isSnippetFormat,
  requestPath: isRequestPath,
  clipboardClearSeconds: (v) => isInteger(v, 0, 3600),
  clipboardNoteShown: (v) => typeof v === 'boolean',
  notifyMinutesBefore: (v) =>
    Array.isArray(v) && v.length <= 8 && v.every((m) => isInteger(m, 0, 60 * 24 * 60)),
  remindAbout: (v) => v === 'yours' || v === 'all',
  warnJobs: (v) => typeof v === 'boolean',
};

/** Every key a known setting and every value valid: what a settings change may contain. */
export function isSettingsPatch(patch: Record<string, unknown>): patch is Partial<Settings> {
  return Object.entries(patch).every(
    ([key, value]) => Object.hasOwn(SETTING_CHECKS, key) && SETTING_CHECKS[key as keyof Settings](value),
  );
}

/** The valid part of whatever was stored; anything else falls back to its default. */
export function validSettings(raw: unknown): Partial<Settings> {
  if (typeof raw !== 'object' || raw === null) return {};
  const valid: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (Object.hasOwn(SETTING_CHECKS, key) && SETTING_CHECKS[key as keyof Settings](value))
      valid[key] = value;
  }
  return valid as Partial<Settings>;
}

export function isServer(raw: unknown): raw is Server {
  const s = raw as Partial<Server> | null;
  return (
    typeof s === 'object' &&
    s !== null &&
    isText(s.id, 2048) &&
    isText(s.origin, 2048) &&
    isText(s.contextPath, 2048) &&
    s.id === s.origin + s.contextPath &&
    isText(s.siteId, 255) &&
    isText(s.version, 64) &&
    typeof s.clockOffsetMs === 'number' &&
    Math.abs(s.clockOffsetMs) <= MAX_CLOCK_OFFSET_MS &&
    (s.account === undefined || isAccountName(s.account)) &&
    (s.accounts === undefined ||
      (Array.isArray(s.accounts) && s.accounts.length <= MAX_ACCOUNTS && s.accounts.every(isAccountName))) &&
    (s.tokenLifetimeMs === undefined || isInteger(s.tokenLifetimeMs, 60_000, 400 * 24 * 3600_000))
  );
}

export function isTokenMeta(raw: unknown): raw is TokenMeta {
  const t = raw as Partial<TokenMeta> | null;
  return (
    typeof t === 'object' &&
    t !== null &&
    isInteger(t.id, 0, Number.MAX_SAFE_INTEGER) &&
    isText(t.alias, 64) &&
    isPlausibleTime(t.created) &&
    isPlausibleTime(t.expiry) &&
    typeof t.singleUse === 'boolean' &&
    typeof t.createdHere === 'boolean' &&
    (t.label === undefined || isText(t.label, 80)) &&
    (t.yours === undefined || isYours(t.yours)) &&
    (t.reminded === undefined ||
      (Array.isArray(t.reminded) && t.reminded.every((m) => typeof m === 'number'))) &&
    (t.deleteAt === undefined || isPlausibleTime(t.deleteAt)) &&
    (t.container === undefined || isHeldBy(t.container)) &&
    (t.jobWarned === undefined || t.jobWarned === true)
  );
}

function isHeldBy(raw: unknown): raw is HeldBy {
  const h = raw as Partial<HeldBy> | null;
  return (
    typeof h === 'object' &&
    h !== null &&
    typeof h.running === 'boolean' &&
    isText(h.what, 80) &&
    isText(h.project, 80) &&
    isPlausibleTime(h.since)
  );
}

function isYours(raw: unknown): raw is Yours {
  const y = raw as Partial<Yours> | null;
  return (
    typeof y === 'object' &&
    y !== null &&
    typeof y.since === 'number' &&
    (YOURS_REASONS as readonly unknown[]).includes(y.why)
  );
}

/** Shown among the user's tokens: theirs, and a replaced one waiting to be deleted (it can be kept). */
export const amongYours = (token: TokenMeta) => !!token.yours || token.deleteAt !== undefined;

/** A token whose container has finished: a leftover, never a running job's or one the user uses. */
export const isLeftover = (token: TokenMeta) => token.container?.running === false && !amongYours(token);

/** Yours first, soonest expiry first; then only a count of the others. */
export function summarize(tokens: TokenMeta[]): TokenSummary {
  const yours = tokens.filter(amongYours).sort((a, b) => a.expiry - b.expiry);
  return { yours, others: tokens.length - yours.length };
}
