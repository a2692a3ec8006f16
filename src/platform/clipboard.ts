// Clipboard writes from the background: through an offscreen document on Chrome (a service worker
// has no DOM), directly in the background page on Firefox (which has no offscreen API).
import { clearIfUnchanged, copyWithExecCommand, fingerprint } from './clipboard-dom';
import { OFFSCREEN_TARGET, type OffscreenRequest } from './offscreen/requests';

const OFFSCREEN_PAGE = 'src/platform/offscreen/index.html';

let creating: Promise<void> | null = null;

async function ensureOffscreenDocument(): Promise<void> {
  const url = chrome.runtime.getURL(OFFSCREEN_PAGE);
  const existing = await chrome.runtime.getContexts({
    contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT],
    documentUrls: [url],
  });
  if (existing.length > 0) return;
  // Two copies at once must not both create it: "Only a single offscreen document may be created."
  creating ??= chrome.offscreen
    .createDocument({
      url: OFFSCREEN_PAGE,
      reasons: [chrome.offscreen.Reason.CLIPBOARD],
      justification: 'Put the command you asked for on the clipboard, and clear it later if you chose to.',
    })
    .finally(() => {
      creating = null;
    });
  await creating;
}

const hasOffscreen = () => typeof chrome !== 'undefined' && !!chrome.offscreen;

async function askOffscreen(request: OffscreenRequest): Promise<{ ok?: boolean; cleared?: boolean }> {
  await ensureOffscreenDocument();
  return (
    ((await chrome.runtime.sendMessage(request)) as { ok?: boolean; cleared?: boolean } | undefined) ?? {}
  );
}

/** Writes the text and returns its fingerprint, to recognise it when the time comes to clear. */
export async function writeClipboard(text: string): Promise<string> {
  // The Firefox build drops the offscreen branches entirely (an `if` on the build mode, which the
  // bundler removes), so its package names no offscreen API.
  let written: boolean;
  if (import.meta.env.MODE !== 'firefox' && hasOffscreen())
    written = (await askOffscreen({ target: OFFSCREEN_TARGET, op: 'write', text })).ok === true;
  else written = copyWithExecCommand(document, text);
  if (!written) throw new Error('copy failed');
  return fingerprint(text);
}

/** Clears the clipboard if it still holds what the extension wrote; the user's later copy stays. */
export async function clearClipboardIfUnchanged(expected: string): Promise<boolean> {
  let cleared: boolean;
  if (import.meta.env.MODE !== 'firefox' && hasOffscreen())
    cleared =
      (await askOffscreen({ target: OFFSCREEN_TARGET, op: 'clear-if', fingerprint: expected })).cleared ===
      true;
  else cleared = await clearIfUnchanged(document, expected);
  return cleared;
}
