// Which container holds which pipeline token, from XNAT's container service: asked only when the
// user opens the other tokens (popup), visits the token page, or a job's warning is due; kept five
// minutes in storage.session. A server without the container service (404, 403) is not asked again
// this browser session, and a failed answer leaves the last one standing: never a retry loop.
import type { LeftoverResult, OtherTokens, Reply } from '../messaging/protocol';
import { ok } from '../result';
import { amongYours, isLeftover, type Server, type TokenMeta } from '../storage/schema';
import { containersKey } from '../storage/session-keys';
import type { ContainerInfo } from '../xnat/containers';
import type { BackgroundDeps } from './deps';
import { updateTokens } from './token-records';
import { client } from './xnat-client';

const FRESH_MS = 5 * 60_000;

interface Cached {
  at: number;
  /** null: the server has no container service (or will not say). */
  containers: ContainerInfo[] | null;
}

export async function containersOf(deps: BackgroundDeps, server: Server): Promise<ContainerInfo[] | null> {
  const key = containersKey(server.id);
  const cached = await deps.session.get<Cached>(key);
  if (cached && (cached.containers === null || deps.now() - cached.at < FRESH_MS)) return cached.containers;
  const listed = await client(deps, server).listContainers();
  if (!listed.ok) {
    const absent = listed.failure.kind === 'not-found' || listed.failure.kind === 'forbidden';
    if (absent) await deps.session.set({ [key]: { at: deps.now(), containers: null } satisfies Cached });
    return absent ? null : (cached?.containers ?? null);
  }
  await deps.session.set({ [key]: { at: deps.now(), containers: listed.value } satisfies Cached });
  return listed.value;
}

/** Puts what the container service says on the account's token records; tokens no container holds lose it. */
export function annotate(
  deps: BackgroundDeps,
  server: Server,
  containers: ContainerInfo[],
): Promise<TokenMeta[]> {
  const byAlias = new Map(containers.map((c) => [c.alias, c]));
  return updateTokens(deps, server, (tokens) => {
    const next = tokens.map((token) => {
      const held = byAlias.get(token.alias);
      const { container: _was, ...rest } = token;
      return held
        ? {
            ...rest,
            container: { running: held.running, what: held.what, project: held.project, since: held.since },
          }
        : rest;
    });
    return { tokens: next, result: next };
  });
}

/** The account's tokens with their containers, fresh within five minutes; null without the service. */
export async function withContainers(deps: BackgroundDeps, server: Server): Promise<TokenMeta[] | null> {
  const containers = await containersOf(deps, server);
  return containers ? annotate(deps, server, containers) : null;
}

/** For the popup's other tokens: each with the container that holds it, where the service says. */
export async function otherTokens(deps: BackgroundDeps, server: Server): Promise<Reply<OtherTokens>> {
  const annotated = await withContainers(deps, server);
  // Read in turn with the list the popup just had (it may still be storing it).
  const tokens =
    annotated ?? (await updateTokens(deps, server, (stored) => ({ tokens: stored, result: stored })));
  return ok({ tokens: tokens.filter((t) => !amongYours(t)), containerService: annotated !== null });
}

/**
 * Deletes the leftovers one by one, each reported; a failure on one does not stop the rest. Only
 * what the container service says now counts: a site without it has none.
 */
export async function deleteLeftovers(
  deps: BackgroundDeps,
  server: Server,
): Promise<Reply<LeftoverResult[]>> {
  const annotated = await withContainers(deps, server);
  const results: LeftoverResult[] = [];
  for (const token of (annotated ?? []).filter(isLeftover)) {
    const deleted = await client(deps, server).invalidateToken(token.id);
    const gone = deleted.ok || deleted.failure.kind === 'not-found';
    results.push(
      gone
        ? { id: token.id, alias: token.alias, ok: true }
        : { id: token.id, alias: token.alias, ok: false, failure: deleted.failure.kind },
    );
    // A lost session stops the rest from working too; they are reported as not tried.
    if (!deleted.ok && deleted.failure.kind === 'logged-out') break;
  }
  const gone = new Set(results.filter((r) => r.ok).map((r) => r.id));
  if (gone.size)
    await updateTokens(deps, server, (tokens) => ({
      tokens: tokens.filter((t) => !gone.has(t.id)),
      result: null,
    }));
  return ok(results);
}
