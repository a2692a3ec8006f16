// Turning a token into text on the clipboard: built in the background from a fresh token, written
// by the platform clipboard, and optionally cleared later by an alarm.
import type { CopyReceipt, Reply } from '../messaging/protocol';
import { failed, ok } from '../result';
import { buildSnippet } from '../snippets/build';
import type { SnippetFormat } from '../snippets/formats';
import type { Server } from '../storage/schema';
import { readSettings } from '../storage/store';
import type { AliasToken } from '../xnat/token';
import type { BackgroundDeps } from './deps';

export const CLIPBOARD_CLEAR_ALARM = 'clipboard-clear';

export async function copyToken(
  deps: BackgroundDeps,
  server: Server,
  token: AliasToken,
  format: SnippetFormat | undefined,
): Promise<Reply<CopyReceipt>> {
  const settings = await readSettings(deps.local);
  const built = buildSnippet(format ?? settings.defaultFormat, {
    server,
    alias: token.alias,
    secret: token.secret,
    requestPath: settings.requestPath,
  });
  if (!built.ok) return built;
  try {
    await deps.clipboard.write(built.value.text);
  } catch {
    return failed('clipboard');
  }
  const clearsInSeconds = settings.clipboardClearSeconds;
  // A clear still pending from an earlier copy must not wipe this one when clearing is now off.
  if (clearsInSeconds > 0)
    await deps.alarms.create(CLIPBOARD_CLEAR_ALARM, deps.now() + clearsInSeconds * 1000);
  else await deps.alarms.clear(CLIPBOARD_CLEAR_ALARM);
  return ok({ format: built.value.format, clearsInSeconds });
}

/** The alarm fired: overwrite blindly (reading the clipboard back would need clipboardRead). */
export async function clearClipboard(deps: BackgroundDeps): Promise<void> {
  await deps.clipboard.write('');
}
