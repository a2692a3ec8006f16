// The offscreen document's only job: write and clear the clipboard for the service worker. It obeys
// the worker alone: a page script (its messages carry a tab) or any other context is ignored.
import { clearIfUnchanged, copyWithExecCommand } from '../clipboard-dom';
import { OFFSCREEN_TARGET, type OffscreenRequest } from './requests';

// Offscreen documents get chrome.runtime's messaging and getURL, not getManifest; crxjs always emits
// the worker as this loader (test/release/manifests.test.ts checks the built manifest names it).
const WORKER_URL = chrome.runtime.getURL('service-worker-loader.js');

chrome.runtime.onMessage.addListener((message: OffscreenRequest, sender, sendResponse) => {
  if (message?.target !== OFFSCREEN_TARGET) return false;
  if (sender.id !== chrome.runtime.id || sender.tab || sender.url !== WORKER_URL) return false;
  if (message.op === 'write' && typeof message.text === 'string') {
    sendResponse({ ok: copyWithExecCommand(document, message.text) });
    return false;
  }
  if (message.op === 'clear-if' && typeof message.fingerprint === 'string') {
    void clearIfUnchanged(document, message.fingerprint).then((cleared) =>
      sendResponse({ ok: true, cleared }),
    );
    return true;
  }
  return false;
});
