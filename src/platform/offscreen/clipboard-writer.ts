// The offscreen document's only job: write what the background sends to the clipboard.
import { OFFSCREEN_TARGET } from '../clipboard';
import { copyWithExecCommand } from '../exec-copy';

chrome.runtime.onMessage.addListener(
  (message: { target?: string; text?: unknown }, _sender, sendResponse) => {
    // Popup and content-script messages reach this document too; they are not for it.
    if (message?.target !== OFFSCREEN_TARGET || typeof message.text !== 'string') return false;
    sendResponse({ ok: copyWithExecCommand(document, message.text) });
    return false;
  },
);
