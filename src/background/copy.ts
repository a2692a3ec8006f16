// Turning a token into text on the clipboard: built in the background from a fresh token, written
// by the platform clipboard, and optionally cleared later by an alarm.
import type { CopyReceipt, Reply, ServerView } from '../messaging/protocol';
import { buildSnippet } from '../snippets/build';
import type { SnippetFormat } from '../snippets/formats';
import type { AliasToken } from '../xnat/token';
import type { BackgroundDeps } from './deps';
import { failed, ok } from './failures';
import { readSettings } from './store';

export const CLIPBOARD_CLEAR_ALARM = 'clipboard-clear';

export async function copyToken(
  deps: BackgroundDeps,
  server: ServerView,
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
  if (!built.ok) return failed('snippet', built.error.message);
  try {
    await deps.clipboard.write(built.snippet.text);
  } catch {
    return failed('clipboard', 'The command could not be put on the clipboard.');
  }
  const clearsInSeconds = settings.clipboardClearSeconds;
  // A clear still pending from an earlier copy must not wipe this one when clearing is now off.
  if (clearsInSeconds > 0)
    await deps.alarms.create(CLIPBOARD_CLEAR_ALARM, deps.now() + clearsInSeconds * 1000);
  else await deps.alarms.clear(CLIPBOARD_CLEAR_ALARM);
  const { format: used, label, hint } = built.snippet;
  return ok({ format: used, label, hint, clearsInSeconds });
}

/** The alarm fired: overwrite blindly (reading the clipboard back would need clipboardRead). */
export async function clearClipboard(deps: BackgroundDeps): Promise<void> {
  await deps.clipboard.write('');
}
