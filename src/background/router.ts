// The one entry for messages: envelope and payload checked, sender checked, then the handler.
// Extension pages may do anything; a content script may only ask about its own page's server.
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

export type PageHandlers = {
  [K in keyof PageRequests]: (payload: RequestOf<K>, pageUrl: string) => Promise<Reply<ResponseOf<K>>>;
};

export type Handlers = PrivilegedHandlers & PageHandlers;

export function createRouter(deps: BackgroundDeps, handlers: Handlers) {
  return async (message: unknown, sender: Sender): Promise<Reply<unknown>> => {
    const envelope = readEnvelope(message);
    if (!envelope) return failed('bad-request');
    if (sender.id !== deps.extensionId) return failed('not-allowed');
    try {
      if (PAGE_REQUESTS.has(envelope.type)) {
        const pageUrl = topFrameWebPage(sender);
        if (!pageUrl) return failed('not-allowed');
        const handle = handlers[envelope.type as keyof PageHandlers] as (
          p: unknown,
          u: string,
        ) => Promise<Reply<unknown>>;
        return await handle(envelope.payload, pageUrl);
      }
      if (!isExtensionPage(deps, sender)) return failed('not-allowed');
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
 * Popup and options, also when opened in a tab: their URL has the extension's own origin, which no
 * web page or content script can claim.
 */
function isExtensionPage(deps: BackgroundDeps, sender: Sender): boolean {
  return typeof sender.url === 'string' && sender.url.startsWith(`${deps.extensionOrigin}/`);
}

/** A content script in a tab's top frame, on an http(s) page. */
function topFrameWebPage(sender: Sender): string | null {
  if (!sender.tab || sender.frameId !== 0 || typeof sender.url !== 'string') return null;
  return /^https?:\/\//.test(sender.url) ? sender.url : null;
}
