// What the user does to a token from the popup: copy, create, delete, label.
import { formatWords } from '../i18n/formats';
import type { CopyReceipt, Reply } from '../messaging/protocol';
import type { SnippetFormat } from '../snippets/formats';
import type { PopupContext } from './context';
import { refresh } from './load';

export async function copy(ctx: PopupContext, serverId: string, tokenId: number, format?: SnippetFormat) {
  const reply = await ctx.backend.send(
    'tokens.copy',
    format ? { serverId, tokenId, format } : { serverId, tokenId },
  );
  reportCopy(ctx, reply);
  if (!reply.ok && reply.failure.kind === 'unknown-token') await refresh(ctx, serverId);
}

function reportCopy(ctx: PopupContext, reply: Reply<CopyReceipt>): void {
  if (!ctx.succeeded(reply)) return;
  const { t } = ctx.backend;
  const { label, hint } = formatWords(reply.value.format, t);
  const { clearsInSeconds } = reply.value;
  const clears = clearsInSeconds > 0 ? ` ${t('popupClears', String(clearsInSeconds))}` : '';
  ctx.notify('ok', t('popupCopied', label, hint) + clears);
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
    if (section && token)
      ctx.patchSection(serverId, { tokens: [token, ...section.tokens.filter((t) => t.id !== token.id)] });
    const { t } = ctx.backend;
    // An XNAT that cannot list tokens (1.7.0) still issues one: it is copied now, and not listed.
    const unlisted = token === null ? ` ${t('popupCreatedUnlisted')}` : '';
    if (!copied) ctx.notify('ok', t('popupCreatedOnly') + unlisted);
    else if (ctx.succeeded(copied)) {
      ctx.notify('ok', t('popupCreatedCopied', formatWords(copied.value.format, t).label) + unlisted);
      noteClipboardHistory(ctx);
    }
  } finally {
    ctx.patchSection(serverId, { busy: false });
  }
}

export async function remove(ctx: PopupContext, serverId: string, tokenId: number): Promise<void> {
  if (!ctx.succeeded(await ctx.backend.send('tokens.delete', { serverId, tokenId }))) return;
  const section = ctx.section(serverId);
  if (section) ctx.patchSection(serverId, { tokens: section.tokens.filter((t) => t.id !== tokenId) });
  ctx.notify('ok', ctx.backend.t('popupDeleted'));
}

export async function saveLabel(ctx: PopupContext, serverId: string, tokenId: number, label: string) {
  if (!ctx.succeeded(await ctx.backend.send('tokens.label', { serverId, tokenId, label }))) return;
  const section = ctx.section(serverId);
  const trimmed = label.trim();
  if (section) {
    ctx.patchSection(serverId, {
      tokens: section.tokens.map((t) => (t.id === tokenId ? { ...t, label: trimmed || undefined } : t)),
    });
  }
}
