// Replacing a token in one click: a successor issued through the browser session and copied, the
// old token's name, "yours" and reminder choice moved to it, and the old token deleted now or at a
// time the person chose (pending-deletes.ts keeps that promise across worker and browser restarts).
import type { DeleteOld, Replaced, Reply } from '../messaging/protocol';
import { failed, ok } from '../result';
import type { SnippetFormat } from '../snippets/format-names';
import type { Server, TokenMeta } from '../storage/schema';
import { createToken } from './create';
import type { BackgroundDeps } from './deps';
import { changeToken, serverNow } from './token-records';
import { deleteToken, freshTokens } from './tokens';

const HOUR = 3600_000;

export async function replaceToken(
  deps: BackgroundDeps,
  server: Server,
  tokenId: number,
  options: { format?: SnippetFormat; deleteOld: DeleteOld },
): Promise<Reply<Replaced>> {
  const fresh = await freshTokens(deps, server);
  if (!fresh.ok) return fresh;
  const before = fresh.value.tokens.find((t) => t.id === tokenId);
  if (!before) return failed(fresh.value.foreign.includes(tokenId) ? 'foreign-token' : 'unknown-token');
  const created = await createToken(deps, fresh.value.server, { copy: true, format: options.format });
  if (!created.ok) return created;
  const { token: issued, copy } = created.value;
  // Only an XNAT that cannot list tokens issues one without an id, and that one listed this token.
  if (!issued || !copy) return failed('bad-response');
  const mine = fresh.value.server;
  const successor = await changeToken(deps, mine, issued.id, (token) => ({
    ...token,
    ...(before.label ? { label: before.label } : {}),
    // A successor handed to a renewer stays the renewer's; otherwise it is the user's as the old was.
    yours: token.yours?.why === 'renewing' ? token.yours : (before.yours ?? token.yours),
  }));
  if (!successor) return failed('unknown-token');
  if (options.deleteOld === 'now') {
    const deleted = await deleteToken(deps, mine, tokenId);
    if (!deleted.ok) return deleted;
    return ok({ token: successor, copy, old: null });
  }
  const deleteAt = options.deleteOld === 'in-1h' ? serverNow(deps, mine) + HOUR : before.expiry;
  const old = await changeToken(deps, mine, tokenId, ({ label: _name, yours: _mark, ...rest }) => ({
    ...rest,
    deleteAt,
  }));
  return ok({ token: successor, copy, old });
}

/** Keep a replaced token after all: its pending delete is dropped. */
export async function keepToken(
  deps: BackgroundDeps,
  server: Server,
  tokenId: number,
): Promise<Reply<TokenMeta>> {
  const kept = await changeToken(deps, server, tokenId, ({ deleteAt: _when, ...rest }) => rest);
  return kept ? ok(kept) : failed('unknown-token');
}
