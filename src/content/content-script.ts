// The page script's entry, registered at run time for granted hosts only. On a page of a server the
// user added, it says hello to the background; on the token page it shows the token tab when the
// user came for it, and decorates the table. Pages of servers the user did not add get nothing.
import { createSend } from '../messaging/send';
import { t } from '../platform/i18n';
import { runtime } from '../platform/runtime';
import { isTokenPageUrl } from '../xnat/server-identity';
import { cameForTokenTab, looksLikeXnat } from './page';
import { showTokenTab } from './token-tab';
import { watchTokenPage } from './watch-page';

const LOADED = Symbol.for('xnat-token-tools.page-script');

async function main(): Promise<void> {
  // Injected right after a grant and registered for later loads: run once per page. The mark is a
  // symbol on this isolated world's global, which no element id in the page can shadow.
  const world = globalThis as unknown as Record<symbol, boolean>;
  if (world[LOADED] || !looksLikeXnat(document)) return;
  world[LOADED] = true;
  const send = createSend(runtime.sendMessage);
  const hello = await send('page.hello', {});
  if (!hello.ok || !hello.value || !isTokenPageUrl(location.href)) return;
  // Nothing aborts these: the page's life bounds the script's. (After an extension update the
  // orphaned controls stay until reload, and a click says the extension could not be reached.)
  const signal = new AbortController().signal;
  if (hello.value.openTokenTab || cameForTokenTab(location, performance)) showTokenTab(document, signal);
  watchTokenPage(document, {
    defaultFormat: hello.value.defaultFormat,
    t,
    signal,
    actions: {
      tokens: (ids) => send('page.tokens', { ids }),
      copy: (tokenId, format) => send('page.copy', format ? { tokenId, format } : { tokenId }),
      watch: (tokenId, watched) => send('page.watch', { tokenId, watched }),
      replace: (tokenId) => send('page.replace', { tokenId }),
      created: (tokenId) => send('page.watch', { tokenId, watched: true, created: true }),
    },
  });
}

void main();
