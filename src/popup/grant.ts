// Adding a server from the popup: the shared grant flow, then the popup loads again with it. The
// background puts the page script into the open tab, even if the popup closes while the browser asks.
import { addServer } from '../ui/grant-flow';
import type { PopupContext } from './context';
import { load } from './load';

/** Call it inside the click handler: the permission prompt is the click's first browser call. */
export function grant(ctx: PopupContext, url: string, options: { tabId?: number; granted?: boolean } = {}) {
  const adding = addServer(ctx.backend, url, options);
  void (async () => {
    if (!ctx.succeeded(await adding)) return;
    ctx.set({ loading: true });
    await load(ctx);
  })();
}
