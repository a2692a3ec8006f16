// The one entry for messages: envelope checked, then the request table says who may send the request
// and how its payload must look; only then does its handler run. The extension's views may ask
// anything the table gives them; the page script only about its own page's server.
import { readEnvelope } from '../messaging/guards';
import type { Reply, RequestType } from '../messaging/protocol';
import { failed } from '../result';
import type { BackgroundDeps } from './deps';
import type { PageSender, RequestTable } from './requests';

export interface Sender {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
}

type AnyRoute =
  | { from: 'view'; check(p: Record<string, unknown>): boolean; handle(p: unknown): Promise<Reply<unknown>> }
  | {
      from: 'page';
      check(p: Record<string, unknown>): boolean;
      handle(p: unknown, page: PageSender): Promise<Reply<unknown>>;
    };

export function createRouter(deps: BackgroundDeps, table: RequestTable) {
  return async (message: unknown, sender: Sender): Promise<Reply<unknown>> => {
    const envelope = readEnvelope(message);
    if (!envelope || !Object.hasOwn(table, envelope.type)) return failed('bad-request');
    const route = table[envelope.type as RequestType] as AnyRoute;
    if (!route.check(envelope.payload)) return failed('bad-request');
    if (sender.id !== deps.extensionId) return failed('not-allowed');
    try {
      if (route.from === 'page') {
        const page = topFrameWebPage(sender);
        return page ? await route.handle(envelope.payload, page) : failed('not-allowed');
      }
      return isExtensionView(deps, sender) ? await route.handle(envelope.payload) : failed('not-allowed');
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
