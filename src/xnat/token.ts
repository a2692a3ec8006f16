// The alias token as XNAT serializes it (AliasToken entity, nulls omitted), decoded and checked.
// Anything that could not be pasted safely into a shell command is refused here, at the edge.
import { failed, ok, type Result } from '../result';

export interface AliasToken {
  id: number;
  alias: string;
  secret: string;
  xdatUserId: string;
  singleUse: boolean;
  /** Epoch ms. */
  created: number;
  /** Epoch ms; XNAT's estimate (issue time + timeout at issue time), swept up to an hour later. */
  estimatedExpiry: number;
  enabled: boolean;
}

export const ALIAS_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const SECRET_PATTERN = /^[A-Za-z0-9]{1,128}$/;

export function isAlias(value: unknown): value is string {
  return typeof value === 'string' && ALIAS_PATTERN.test(value);
}

export function isSecret(value: unknown): value is string {
  return typeof value === 'string' && SECRET_PATTERN.test(value);
}

/** A token as `issue` answers: XNAT 1.7.0 sends no id. */
export type IssuedToken = Omit<AliasToken, 'id'> & { id: number | null };

export function decodeToken(raw: unknown): Result<AliasToken>;
export function decodeToken(raw: unknown, options: { idOptional: true }): Result<IssuedToken>;
export function decodeToken(raw: unknown, options: { idOptional?: boolean } = {}): Result<IssuedToken> {
  const bad = () => failed('bad-response');
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return bad();
  const r = raw as Record<string, unknown>;
  const missingIdAllowed = r.id === undefined && options.idOptional === true;
  const id = missingIdAllowed ? null : toInteger(r.id);
  if (id === null && !missingIdAllowed) return bad();
  if (!isAlias(r.alias)) return bad();
  // XNAT before 1.7 used a number as the secret; a safe integer still reads back exactly.
  const secret = typeof r.secret === 'number' && Number.isSafeInteger(r.secret) ? String(r.secret) : r.secret;
  if (!isSecret(secret)) return bad();
  if (typeof r.xdatUserId !== 'string' || r.xdatUserId === '') return bad();
  const created = toEpochMs(r.created) ?? toEpochMs(r.timestamp);
  if (created === null) return bad();
  const estimatedExpiry = toEpochMs(r.estimatedExpirationTime);
  if (estimatedExpiry === null) return bad();
  return ok({
    id,
    alias: r.alias,
    secret,
    xdatUserId: r.xdatUserId,
    singleUse: r.singleUse === true,
    created,
    estimatedExpiry,
    enabled: r.enabled !== false && r.disabled !== 1 && r.disabled !== true,
  });
}

/** Token ids are whole numbers from 0, as every message guard expects. */
function toInteger(value: unknown): number | null {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  if (typeof value === 'string' && /^\d{1,15}$/.test(value)) return Number(value);
  return null;
}

// XNAT 1.7.0 wrote dates as `yyyyMMdd_HHmmss` in the server's own zone, which it does not tell us;
// read as UTC, the countdown can be off by the zone offset (an estimate either way).
const XNAT_170_DATE = /^(\d{4})(\d{2})(\d{2})_(\d{2})(\d{2})(\d{2})$/;

export function toEpochMs(value: unknown): number | null {
  if (typeof value === 'number') return isPlausibleTime(value) ? value : null;
  if (typeof value !== 'string') return null;
  if (/^\d{10,15}$/.test(value)) return isPlausibleTime(Number(value)) ? Number(value) : null;
  const m = XNAT_170_DATE.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  return isPlausibleTime(ms) ? ms : null;
}

// A broken or hostile server's 1e300 would break every date shown; no token of XNAT's is from before
// 2000 or lives past 2200.
const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2200, 0, 1);

/** A time a token can really have: anything else is refused when decoding or reading storage. */
export function isPlausibleTime(ms: unknown): ms is number {
  return typeof ms === 'number' && Number.isFinite(ms) && ms >= EARLIEST && ms <= LATEST;
}

export interface TokenList {
  tokens: AliasToken[];
  /** Entries the server sent that failed the checks above; shown as a count, never pasted anywhere. */
  refused: number;
}

export function decodeTokenList(raw: unknown): Result<TokenList> {
  if (!Array.isArray(raw)) return failed('bad-response');
  const tokens: AliasToken[] = [];
  let refused = 0;
  for (const entry of raw) {
    const decoded = decodeToken(entry);
    if (decoded.ok) tokens.push(decoded.value);
    else refused += 1;
  }
  return ok({ tokens, refused });
}
