// Turning a token into text on the clipboard: built in the background from a fresh token, written
// by the platform clipboard, and optionally cleared later by an alarm.
import type { Reply, Written } from '../messaging/protocol';
import { failed, ok } from '../result';
import { buildSnippet } from '../snippets/build';
import type { SnippetFormat } from '../snippets/format-names';
import type { Server } from '../storage/schema';
import { SESSION_KEYS } from '../storage/session-keys';
import { readSettings } from '../storage/store';
import type { AliasToken } from '../xnat/token';
import type { BackgroundDeps } from './deps';

export const CLIPBOARD_CLEAR_ALARM = 'clipboard-clear';
// The fingerprint of the last text written, in storage.session (memory only, never on disk).
const WRITTEN = SESSION_KEYS.clipboardWritten;

export async function copyToken(
  deps: BackgroundDeps,
  server: Server,
  token: Pick<AliasToken, 'alias' | 'secret' | 'created' | 'estimatedExpiry'>,
  format: SnippetFormat | undefined,
): Promise<Reply<Written>> {
  const settings = await readSettings(deps.local);
  const built = buildSnippet(format ?? settings.defaultFormat, {
    server,
    alias: token.alias,
    secret: token.secret,
    requestPath: settings.requestPath,
    created: token.created,
    expiry: token.estimatedExpiry,
  });
  if (!built.ok) return built;
  let written: string;
  try {
    written = await deps.clipboard.write(built.value.text);
  } catch {
    return failed('clipboard');
  }
  // Clearing needs to read the clipboard back (clipboardRead): without it, nothing is cleared, so
  // that a text the user copied after ours is never wiped. A clear pending from an earlier copy is
  // replaced, or cancelled when clearing is off.
  const clearsInSeconds =
    settings.clipboardClearSeconds > 0 && (await deps.clipboard.canRead())
      ? settings.clipboardClearSeconds
      : 0;
  if (clearsInSeconds > 0) {
    await deps.session.set({ [WRITTEN]: written });
    await deps.alarms.create(CLIPBOARD_CLEAR_ALARM, deps.now() + clearsInSeconds * 1000);
  } else {
    await deps.session.remove([WRITTEN]);
    await deps.alarms.clear(CLIPBOARD_CLEAR_ALARM);
  }
  return ok({ format: built.value.format, clearsInSeconds });
}

/** The alarm fired: clear the clipboard if it still holds what the extension wrote, and only then. */
export async function clearClipboard(deps: BackgroundDeps): Promise<void> {
  const written = await deps.session.get<string>(WRITTEN);
  if (!written) return;
  await deps.session.remove([WRITTEN]);
  await deps.clipboard.clearIfUnchanged(written);
}
