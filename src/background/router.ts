// The one entry for messages: envelope and payload checked, sender checked, then the handler.
// The extension's views may do anything; the page script may only ask about its own page's server.
import { PAGE_REQUESTS, readEnvelope } from '../messaging/guards';
import type { PageRequests, PrivilegedRequests, Reply, RequestOf, ResponseOf } from '../messaging/protocol';
import { failed } from '../result';
import type { BackgroundDeps } from './deps';

export interface Sender {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
}

export type PrivilegedHandlers = {
  [K in keyof PrivilegedRequests]: (payload: RequestOf<K>) => Promise<Reply<ResponseOf<K>>>;
};

/** The XNAT page a page-script request came from, as the browser (not the page) reports it. */
export interface PageSender {
  url: string;
  tabId: number;
}

export type PageHandlers = {
  [K in keyof PageRequests]: (payload: RequestOf<K>, page: PageSender) => Promise<Reply<ResponseOf<K>>>;
};

export type Handlers = PrivilegedHandlers & PageHandlers;

export function createRouter(deps: BackgroundDeps, handlers: Handlers) {
  return async (message: unknown, sender: Sender): Promise<Reply<unknown>> => {
    const envelope = readEnvelope(message);
    if (!envelope) return failed('bad-request');
    if (sender.id !== deps.extensionId) return failed('not-allowed');
    try {
      if (PAGE_REQUESTS.has(envelope.type)) {
        const page = topFrameWebPage(sender);
        if (!page) return failed('not-allowed');
        const handle = handlers[envelope.type as keyof PageHandlers] as (
          p: unknown,
          page: PageSender,
        ) => Promise<Reply<unknown>>;
        return await handle(envelope.payload, page);
      }
      if (!isExtensionView(deps, sender)) return failed('not-allowed');
      const handle = handlers[envelope.type as keyof PrivilegedHandlers] as (
        p: unknown,
      ) => Promise<Reply<unknown>>;
      return await handle(envelope.payload);
    } catch {
      // Whatever went wrong, the reply carries no detail that could hold a secret.
      return failed('internal');
    }
  };
}

/**
 * Popup and settings, also when opened in a tab: their URL has the extension's own origin, which no
 * web page or page script can claim.
 */
function isExtensionView(deps: BackgroundDeps, sender: Sender): boolean {
  return typeof sender.url === 'string' && sender.url.startsWith(`${deps.extensionOrigin}/`);
}

/** The page script in a tab's top frame, on an http(s) page. */
function topFrameWebPage(sender: Sender): PageSender | null {
  if (!sender.tab || sender.tab.id === undefined || sender.frameId !== 0 || typeof sender.url !== 'string')
    return null;
  return /^https?:\/\//.test(sender.url) ? { url: sender.url, tabId: sender.tab.id } : null;
}
