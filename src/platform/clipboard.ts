// Clipboard writes from the background: through an offscreen document on Chrome (a service worker
// has no DOM), directly in the background page on Firefox (which has no offscreen API).
import { copyWithExecCommand } from './exec-copy';

export const OFFSCREEN_PAGE = 'src/platform/offscreen/index.html';
export const OFFSCREEN_TARGET = 'xtt-offscreen';
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

export async function writeClipboard(text: string): Promise<void> {
  // The Firefox build drops this branch entirely, so its package names no offscreen API.
  if (import.meta.env.MODE !== 'firefox' && typeof chrome !== 'undefined' && chrome.offscreen) {
    await ensureOffscreenDocument();
    const reply = (await chrome.runtime.sendMessage({ target: OFFSCREEN_TARGET, text })) as
      | { ok?: boolean }
      | undefined;
    if (!reply?.ok) throw new Error('offscreen copy failed');
    return;
  }
  if (!copyWithExecCommand(document, text)) throw new Error('copy failed');
}
