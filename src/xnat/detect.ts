// Is there an XNAT behind this URL, and under which context path? Asks the open (no login)
// `/xapi/siteConfig/buildInfo` of each candidate root, most likely first.
import { type Failure, failed } from '../result';
import { dated, type FetchLike, getText, type HttpOptions, parseJsonBody, type XnatResult } from './http';
import { cleanText } from './names';
import { baseUrl, parseBaseUrl, type ServerRef } from './server-identity';

export interface DetectedServer extends ServerRef {
  version: string;
  /** The site's name (`siteId`, default `XNAT`). */
  siteId: string;
}

// Path segments that only occur below XNAT's root; what stands before them is the context path.
const ROOT_MARKERS = new Set(['app', 'data', 'REST', 'xapi', 'fs', 'scripts', 'style', 'images', 'page']);
const MAX_CANDIDATES = 4;

export function contextPathCandidates(pageUrl: string): ServerRef[] {
  const url = new URL(pageUrl);
  const segments = url.pathname.split('/').filter(Boolean);
  const markerAt = segments.findIndex((s) => ROOT_MARKERS.has(s));
  const paths: string[] = [];
  if (markerAt >= 0) paths.push(prefix(segments, markerAt));
  // Otherwise every ancestor, deepest first, ending at the host's root.
  const deepest = markerAt >= 0 ? markerAt : segments.length;
  for (let n = Math.min(deepest, MAX_CANDIDATES); n >= 0; n--) paths.push(prefix(segments, n));
  return [...new Set(paths)]
    .map((contextPath) => parseBaseUrl(url.origin + contextPath))
    .filter((s): s is ServerRef => s !== null)
    .slice(0, MAX_CANDIDATES + 1);
}

function prefix(segments: string[], count: number): string {
  return segments
    .slice(0, count)
    .map((s) => `/${s}`)
    .join('');
}

export async function detectServer(
  fetchFn: FetchLike,
  pageUrl: string,
  options: HttpOptions = {},
): Promise<XnatResult<DetectedServer>> {
  let candidates: ServerRef[];
  try {
    candidates = contextPathCandidates(pageUrl);
  } catch {
    return failed('bad-url');
  }
  if (candidates.length === 0) return failed('bad-url');
  let lastFailure: Failure | null = null;
  for (const candidate of candidates) {
    const found = await probe(fetchFn, candidate, options);
    if (found.ok) return found;
    // A server that cannot be reached, or sends the browser elsewhere, will not answer deeper down either.
    if (['network', 'timeout', 'redirected'].includes(found.failure.kind)) return found;
    lastFailure = found.failure;
  }
  return failed('not-xnat', lastFailure?.status === undefined ? {} : { status: lastFailure.status });
}

async function probe(
  fetchFn: FetchLike,
  server: ServerRef,
  options: HttpOptions,
): Promise<XnatResult<DetectedServer>> {
  const base = baseUrl(server);
  const info = await getText(fetchFn, `${base}/xapi/siteConfig/buildInfo`, base, options);
  if (!info.ok) return info;
  const parsed = parseJsonBody(info.value.text);
  const version = parsed.ok ? (parsed.value as { version?: unknown } | null)?.version : undefined;
  if (typeof version !== 'string' || !/^\d+\.\d+/.test(version)) return failed('not-xnat');
  const siteIdResponse = await getText(fetchFn, `${base}/xapi/siteConfig/siteId`, base, options);
  const siteId = siteIdResponse.ok ? readConfigString(siteIdResponse.value.text) : null;
  return dated(
    { ...server, version: cleanText(version, 32), siteId: cleanText(siteId ?? '') || 'XNAT' },
    info.serverDateMs ?? null,
  );
}

/** siteConfig values come as raw text or as a JSON string depending on the version. */
export function readConfigString(text: string): string | null {
  const trimmed = text.trim();
  let value = trimmed;
  if (trimmed.startsWith('"')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (typeof parsed !== 'string') return null;
      value = parsed;
    } catch {
      return null;
    }
  }
  return value !== '' && value.length <= 255 && !value.startsWith('<') ? value : null;
}
