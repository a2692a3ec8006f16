// Granting a host from the popup. The permission request must be the first thing the click does
// (Firefox drops the user gesture after an await); the background adds the server and puts the page
// script into the open tab, even if the popup closes while the browser asks.
import { hostPattern } from '../xnat/server-identity';
import type { PopupContext } from './context';
import { load } from './load';

export function grant(ctx: PopupContext, url: string, tabId?: number): void {
  const pattern = hostPattern(url);
  if (!pattern) return;
  const request = tabId === undefined ? { url } : { url, tabId };
  void ctx.backend.send('servers.intend', request);
  const granted = ctx.backend.requestHost(pattern);
  void (async () => {
    if (!(await granted.catch(() => false))) ctx.notify('error', ctx.backend.t('failureGrantRefused'));
    else await add(ctx, request);
  })();
}

/** Adds a server whose host is granted already: no prompt. */
export async function add(ctx: PopupContext, request: { url: string; tabId?: number }): Promise<void> {
  if (!ctx.succeeded(await ctx.backend.send('servers.add', request))) return;
  ctx.set({ loading: true });
  await load(ctx);
}
