// Run-time shape checks for every request: what arrives over runtime messaging is untrusted input.
import { isSnippetFormat } from '../snippets/build';
import { isSettingsPatch } from '../storage/schema';
import type { Requests, RequestType } from './protocol';

type Guard = (payload: Record<string, unknown>) => boolean;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const onlyKeys = (p: Record<string, unknown>, allowed: string[]) =>
  Object.keys(p).every((k) => allowed.includes(k));
const isId = (value: unknown) => typeof value === 'string' && value.length > 0 && value.length <= 2048;
// Token ids and tab ids: whole numbers from 0.
const isCount = (value: unknown) => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
const optionalFormat = (value: unknown) => value === undefined || isSnippetFormat(value);
const empty: Guard = (p) => onlyKeys(p, []);
const isServerRequest: Guard = (p) =>
  onlyKeys(p, ['url', 'tabId']) &&
  typeof p.url === 'string' &&
  p.url.length <= 2048 &&
  (p.tabId === undefined || isCount(p.tabId));

const GUARDS: Record<RequestType, Guard> = {
  'servers.list': empty,
  'servers.intend': isServerRequest,
  'servers.add': isServerRequest,
  'servers.remove': (p) => onlyKeys(p, ['serverId']) && isId(p.serverId),
  'servers.openTokenPage': (p) => onlyKeys(p, ['serverId']) && isId(p.serverId),
  'tokens.list': (p) => onlyKeys(p, ['serverId']) && isId(p.serverId),
  'tokens.create': (p) =>
    onlyKeys(p, ['serverId', 'copy', 'format']) &&
    isId(p.serverId) &&
    (p.copy === undefined || typeof p.copy === 'boolean') &&
    optionalFormat(p.format),
  'tokens.delete': (p) => onlyKeys(p, ['serverId', 'tokenId']) && isId(p.serverId) && isCount(p.tokenId),
  'tokens.copy': (p) =>
    onlyKeys(p, ['serverId', 'tokenId', 'format']) &&
    isId(p.serverId) &&
    isCount(p.tokenId) &&
    optionalFormat(p.format),
  'tokens.label': (p) =>
    onlyKeys(p, ['serverId', 'tokenId', 'label']) &&
    isId(p.serverId) &&
    isCount(p.tokenId) &&
    typeof p.label === 'string' &&
    p.label.length <= 80,
  'tokens.watch': (p) =>
    onlyKeys(p, ['serverId', 'tokenId', 'watched']) &&
    isId(p.serverId) &&
    isCount(p.tokenId) &&
    typeof p.watched === 'boolean',
  'settings.get': empty,
  'settings.set': isSettingsPatch,
  'page.hello': empty,
  'page.tokens': (p) =>
    onlyKeys(p, ['ids']) && Array.isArray(p.ids) && p.ids.length <= 10_000 && p.ids.every(isCount),
  'page.copy': (p) => onlyKeys(p, ['tokenId', 'format']) && isCount(p.tokenId) && optionalFormat(p.format),
  'page.watch': (p) =>
    onlyKeys(p, ['tokenId', 'watched', 'created']) &&
    isCount(p.tokenId) &&
    typeof p.watched === 'boolean' &&
    (p.created === undefined || p.created === true),
};

export const PAGE_REQUESTS: ReadonlySet<RequestType> = new Set([
  'page.hello',
  'page.tokens',
  'page.copy',
  'page.watch',
]);

export function isRequestType(value: unknown): value is RequestType {
  return typeof value === 'string' && Object.hasOwn(GUARDS, value);
}

/** The envelope and its payload, checked; null for anything malformed. */
export function readEnvelope(
  message: unknown,
): { type: RequestType; payload: Requests[RequestType]['request'] } | null {
  if (!isObject(message) || !onlyKeys(message, ['type', 'payload'])) return null;
  const { type, payload } = message;
  if (!isRequestType(type) || !isObject(payload) || !GUARDS[type](payload)) return null;
  return { type, payload: payload as Requests[RequestType]['request'] };
}
