// Creating a token: one request in flight per server, never retried, and a create cut short by a
// worker restart is finished on the next request instead of issuing a second token.
import type { CopyReceipt, Reply } from '../messaging/protocol';
import { failed, ok } from '../result';
import type { SnippetFormat } from '../snippets/format-names';
import type { Server, TokenMeta } from '../storage/schema';
import { creatingKey } from '../storage/session-keys';
import { readTokens } from '../storage/store';
import type { AliasToken, IssuedToken } from '../xnat/token';
import { once } from './coordination';
import { copyToken } from './copy';
import type { BackgroundDeps } from './deps';
import { markRenewing, saveServer, serverNow, toMeta, updateTokens, withAccount } from './token-records';
import { client } from './xnat-client';

export type Created = { token: TokenMeta | null; copy: Reply<CopyReceipt> | null };

const RESUME_WINDOW_MS = 2 * 60 * 1000;

export function createToken(
  deps: BackgroundDeps,
  server: Server,
  options: { copy?: boolean; format?: SnippetFormat },
): Promise<Reply<Created>> {
  // Joins a create running in this worker; the stored marker below covers a worker restart.
  return once(deps, creatingKey(server.id), () => issueOnce(deps, server, options));
}

async function issueOnce(
  deps: BackgroundDeps,
  server: Server,
  options: { copy?: boolean; format?: SnippetFormat },
): Promise<Reply<Created>> {
  const xnat = client(deps, server);
  const user = await xnat.currentUser();
  if (!user.ok) return user;
  const known = await readTokens(deps.local, server.id, user.value);
  let token: IssuedToken | null = await tokenFromInterruptedCreate(deps, server, user.value, known);
  if (!token) {
    // Server time, so the token it issues can be recognised after a restart.
    await deps.session.set({ [creatingKey(server.id)]: { startedAt: deps.now() + server.clockOffsetMs } });
    const issued = await xnat.issueToken();
    // On failure the marker stays: a time-out may still have issued a token, adopted next time.
    if (!issued.ok) return issued;
    if (issued.value.xdatUserId !== user.value) {
      await deps.session.remove([creatingKey(server.id)]);
      return failed('other-user');
    }
    token = issued.value;
  }
  await deps.session.remove([creatingKey(server.id)]);
  // XNAT 1.7.0 gives no id and cannot list tokens: the token is copied now or never, and not kept.
  const meta: TokenMeta | null =
    token.id === null
      ? null
      : {
          ...toMeta({ ...token, id: token.id }),
          createdHere: true,
          yours: { since: serverNow(deps, server), why: 'created' },
        };
  const mine = withAccount(server, user.value);
  if (mine !== server) await saveServer(deps, mine);
  if (meta) {
    await updateTokens(deps, mine, (tokens) => ({
      tokens: [meta, ...tokens.filter((t) => t.id !== meta.id)],
      result: null,
    }));
  }
  if (!options.copy) return ok({ token: meta, copy: null });
  const copied = await copyToken(deps, server, token, options.format);
  if (!copied.ok) return ok({ token: meta, copy: copied });
  // Made and handed to a renewer in one go: it is the renewer's to keep, not a reminder's.
  const stored = meta && copied.value.format === 'renewing' ? await markRenewing(deps, mine, meta.id) : meta;
  return ok({ token: stored, copy: ok({ ...copied.value, account: user.value, token: stored }) });
}

async function tokenFromInterruptedCreate(
  deps: BackgroundDeps,
  server: Server,
  username: string,
  known: TokenMeta[],
): Promise<AliasToken | null> {
  const marker = await deps.session.get<{ startedAt: number }>(creatingKey(server.id));
  if (!marker || deps.now() + server.clockOffsetMs - marker.startedAt > RESUME_WINDOW_MS) return null;
  const listed = await client(deps, server).listTokens();
  if (!listed.ok) return null;
  const knownIds = new Set(known.map((t) => t.id));
  const candidates = listed.value.tokens.filter(
    (t) => !knownIds.has(t.id) && t.xdatUserId === username && t.created >= marker.startedAt - 5000,
  );
  return candidates.sort((a, b) => b.created - a.created)[0] ?? null;
}
