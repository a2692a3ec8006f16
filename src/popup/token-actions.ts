// What the user does to a token from the popup: copy, create, delete, name, watch; and the others.

import { failureText } from '../i18n/failures';
import { copiedText } from '../i18n/formats';
import { plural } from '../i18n/strings';
import type { CopyReceipt, DeleteOld, Reply } from '../messaging/protocol';
import type { SnippetFormat } from '../snippets/format-names';
import type { TokenMeta } from '../storage/schema';
import { shortAlias, tokenName } from '../xnat/names';
import type { PopupContext } from './context';
import { loadOthers, refresh } from './load';
import { findToken, withoutToken, withToken } from './model';

/** Shows a token as the background stored it; one that became the user's moves up among theirs. */
function showStored(ctx: PopupContext, serverId: string, token: TokenMeta | null) {
  const section = ctx.section(serverId);
  if (section && token) ctx.patchSection(serverId, withToken(section, token));
}

export async function copy(ctx: PopupContext, serverId: string, tokenId: number, format?: SnippetFormat) {
  const reply = await ctx.backend.send(
    'tokens.copy',
    format ? { serverId, tokenId, format } : { serverId, tokenId },
  );
  const section = ctx.section(serverId);
  const token = section && findToken(section, tokenId);
  reportCopy(ctx, reply, token ? tokenName(token) : '');
  if (reply.ok) showStored(ctx, serverId, reply.value.token);
  if (!reply.ok && reply.failure.kind === 'unknown-token') await refresh(ctx, serverId);
}

/** "Copied a curl command for nightly-sync: paste it into a terminal. XNAT account: alice." */
function reportCopy(ctx: PopupContext, reply: Reply<CopyReceipt>, name: string): void {
  if (!ctx.succeeded(reply)) return;
  const { t } = ctx.backend;
  const { clearsInSeconds } = reply.value;
  const clears = clearsInSeconds > 0 ? ` ${t('popupClears', String(clearsInSeconds))}` : '';
  ctx.notify('ok', copiedText(reply.value, name, t) + clears);
  noteClipboardHistory(ctx);
}

/** Warn once, after the first copy, that clipboard history may keep copies. */
function noteClipboardHistory(ctx: PopupContext): void {
  const { settings } = ctx.state;
  if (settings?.clipboardNoteShown !== false) return;
  ctx.set({ clipboardHistoryNote: true, settings: { ...settings, clipboardNoteShown: true } });
  void ctx.backend.send('settings.set', { clipboardNoteShown: true });
}

/** One create per server at a time: a double click makes one token. */
export async function create(ctx: PopupContext, serverId: string): Promise<void> {
  if (ctx.section(serverId)?.busy) return;
  ctx.patchSection(serverId, { busy: true });
  try {
    const reply = await ctx.backend.send('tokens.create', { serverId, copy: true });
    if (!ctx.succeeded(reply)) return;
    const { token, copy: copied } = reply.value;
    const section = ctx.section(serverId);
    if (section && token) ctx.patchSection(serverId, withToken(section, token));
    const { t } = ctx.backend;
    // An XNAT that cannot list tokens (1.7.0) still issues one: it is copied now, and not listed.
    const unlisted = token === null ? ` ${t('popupCreatedUnlisted')}` : '';
    if (!copied) ctx.notify('ok', t('popupCreated') + unlisted);
    else if (ctx.succeeded(copied)) {
      const name = token ? tokenName(token) : t('popupTheNewToken');
      ctx.notify('ok', `${t('popupCreated')} ${copiedText(copied.value, name, t)}${unlisted}`);
      noteClipboardHistory(ctx);
    }
  } finally {
    ctx.patchSection(serverId, { busy: false });
  }
}

/** A successor copied, the old token shown as the reply says: gone, or waiting to be deleted. */
export async function replace(ctx: PopupContext, serverId: string, tokenId: number, deleteOld: DeleteOld) {
  const before = ctx.section(serverId);
  const name = before ? tokenName(findToken(before, tokenId) ?? { alias: '' }) : '';
  const reply = await ctx.backend.send('tokens.replace', { serverId, tokenId, deleteOld });
  if (!ctx.succeeded(reply)) return;
  const { token, copy: copied, old } = reply.value;
  const section = ctx.section(serverId);
  if (section) {
    const shown = withToken(section, token);
    ctx.patchSection(serverId, old ? withToken(shown, old) : withoutToken(shown, tokenId));
  }
  const { t } = ctx.backend;
  const when =
    deleteOld === 'now'
      ? t('popupReplacedDeleted')
      : t(deleteOld === 'in-1h' ? 'popupReplacedInHour' : 'popupReplacedAtExpiry');
  if (ctx.succeeded(copied)) {
    ctx.notify('ok', `${t('popupReplaced', name)} ${copiedText(copied.value, tokenName(token), t)} ${when}`);
    noteClipboardHistory(ctx);
  }
}

/** Keeps a replaced token after all. */
export async function keep(ctx: PopupContext, serverId: string, tokenId: number) {
  const reply = await ctx.backend.send('tokens.keep', { serverId, tokenId });
  if (ctx.succeeded(reply)) showStored(ctx, serverId, reply.value);
}

/** Deletes the leftovers one by one; says how many went and which could not, and why. */
export async function deleteLeftovers(ctx: PopupContext, serverId: string): Promise<void> {
  ctx.patchSection(serverId, { busy: true });
  try {
    const reply = await ctx.backend.send('tokens.deleteLeftovers', { serverId });
    if (!ctx.succeeded(reply)) return;
    const { t } = ctx.backend;
    const done = reply.value.filter((r) => r.ok);
    const failures = reply.value.flatMap((r) =>
      r.ok ? [] : [`${shortAlias(r.alias)}: ${failureText({ kind: r.failure }, t)}`],
    );
    const deleted = plural(t, 'popupLeftoversDeleted', done.length);
    ctx.notify(
      failures.length ? 'error' : 'ok',
      failures.length ? `${deleted} ${failures.join(' ')}` : deleted,
    );
    await loadOthers(ctx, serverId);
  } finally {
    ctx.patchSection(serverId, { busy: false });
  }
}

export async function remove(ctx: PopupContext, serverId: string, tokenId: number): Promise<void> {
  if (!ctx.succeeded(await ctx.backend.send('tokens.delete', { serverId, tokenId }))) return;
  const section = ctx.section(serverId);
  if (section) ctx.patchSection(serverId, withoutToken(section, tokenId));
  ctx.notify('ok', ctx.backend.t('popupDeleted'));
}

/** A name is the user's own note for a token; giving one makes the token theirs. */
export async function saveLabel(ctx: PopupContext, serverId: string, tokenId: number, label: string) {
  const reply = await ctx.backend.send('tokens.label', { serverId, tokenId, label });
  if (ctx.succeeded(reply)) showStored(ctx, serverId, reply.value);
}

export async function watch(ctx: PopupContext, serverId: string, tokenId: number, watched: boolean) {
  const reply = await ctx.backend.send('tokens.watch', { serverId, tokenId, watched });
  if (ctx.succeeded(reply)) showStored(ctx, serverId, reply.value);
}

export async function toggleOthers(ctx: PopupContext, serverId: string): Promise<void> {
  const section = ctx.section(serverId);
  if (!section) return;
  ctx.patchSection(serverId, { showOthers: !section.showOthers });
  // Opening them names them by their containers (once per few minutes; the background caches). While
  // the fresh list is still coming, the list's arrival reads them instead (the account's tokens are
  // stored by then, never half-way).
  if (!section.showOthers && section.containerService === null && !section.loading)
    await loadOthers(ctx, serverId);
}

/** Filtering looks through the other tokens too, so they are read the first time. */
export async function setFilter(ctx: PopupContext, serverId: string, filter: string): Promise<void> {
  ctx.patchSection(serverId, { filter });
  if (filter.trim() && !ctx.section(serverId)?.otherTokens) await loadOthers(ctx, serverId);
}
