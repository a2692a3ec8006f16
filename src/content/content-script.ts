// Content script entry, registered at run time for granted XNAT hosts only. On any XNAT page it
// introduces the page to the background; on the token page it decorates the table.
import { createSend } from '../messaging/send';
import { t } from '../platform/i18n';
import { runtime } from '../platform/runtime';
import { isTokenPageUrl } from '../xnat/server-identity';
import { watchTokenPage } from './decorate';
import { looksLikeXnat } from './page';

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
  watchTokenPage(document, {
    defaultFormat: hello.value.defaultFormat,
    t,
    // Nothing aborts it here: the page's life bounds the script's. (After an extension update the
    // orphaned controls stay until reload, and a click says the extension could not be reached.)
    signal: new AbortController().signal,
    actions: {
      tokens: (ids) => send('page.tokens', { ids }),
      copy: (tokenId, format) => send('page.copy', format ? { tokenId, format } : { tokenId }),
    },
  });
}

void main();
