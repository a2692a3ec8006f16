// Opening the popup: first paint straight from stored metadata (no worker wake-up, no request),
// then the background's view (grants re-checked, the tab classified) and one fresh list per server.
import { amongYours, type Server } from '../storage/schema';
import { hostPattern } from '../xnat/server-identity';
import type { PopupContext } from './context';
import { initialSections, type TabState, tabOnKnownServer } from './model';

export async function load(ctx: PopupContext): Promise<void> {
  const { backend } = ctx;
  const [snapshot, tab] = await Promise.all([backend.cached(), backend.activeTab()]);
  const quickTab = tabOnKnownServer(tab, snapshot.servers);
  ctx.set({
    loading: false,
    tab: quickTab,
    settings: snapshot.settings,
    sections: initialSections(snapshot.servers, quickTab, snapshot.summaries),
  });
  // Fresh lists for the stored servers start at once, beside the background's server list.
  const refreshing = snapshot.servers.map((server) => refresh(ctx, server.id));
  const servers = await backend.send('servers.list', {});
  ctx.succeeded(servers);
  const known = servers.ok ? servers.value : snapshot.servers;
  const tabState = await classifyTab(ctx, tab, known);
  const shown = new Map(ctx.state.sections.map((s) => [s.server.id, s]));
  ctx.set({
    tab: tabState,
    sections: initialSections(known, tabState).map((fresh) => {
      const current = shown.get(fresh.server.id);
      return current ? { ...current, collapsed: fresh.collapsed } : fresh;
    }),
  });
  const added = known.filter((server) => !shown.has(server.id));
  await Promise.all([...refreshing, ...added.map((server) => refresh(ctx, server.id))]);
}

async function classifyTab(
  ctx: PopupContext,
  tab: { id: number; url: string } | null,
  servers: Server[],
): Promise<TabState> {
  const known = tabOnKnownServer(tab, servers);
  if (known.kind !== 'unknown' || !tab) return known;
  if (!(await ctx.backend.tabLooksLikeXnat(tab.id))) return { kind: 'not-xnat' };
  const pattern = hostPattern(tab.url);
  const granted = pattern !== null && (await ctx.backend.hostGranted(pattern));
  return { kind: 'new-xnat', url: tab.url, host: new URL(tab.url).host, tabId: tab.id, granted };
}

export async function refresh(ctx: PopupContext, serverId: string): Promise<void> {
  ctx.patchSection(serverId, { loading: true });
  const listed = await ctx.backend.send('tokens.list', { serverId });
  if (!listed.ok) {
    // The last known list stays, marked as not fresh, beside the reason.
    ctx.patchSection(serverId, { loading: false, failure: listed.failure });
    return;
  }
  const { tokens, others, refused, foreign, server } = listed.value;
  ctx.patchSection(serverId, {
    yours: tokens,
    others,
    refused,
    foreign,
    server,
    cached: false,
    loading: false,
    failure: null,
  });
  const shown = ctx.section(serverId);
  if (shown?.otherTokens || shown?.showOthers) await loadOthers(ctx, serverId);
}

/**
 * The other tokens: first from what the background stored (no request); then, once the user has
 * opened them, each named by the container that holds it, where the server's container service
 * answers (one request, cached for minutes).
 */
export async function loadOthers(ctx: PopupContext, serverId: string): Promise<void> {
  const section = ctx.section(serverId);
  const stored = (await ctx.backend.storedTokens(serverId, section?.server.account)).filter(
    (t) => !amongYours(t),
  );
  ctx.patchSection(serverId, { otherTokens: stored, others: stored.length });
  if (!ctx.section(serverId)?.showOthers) return;
  const named = await ctx.backend.send('tokens.others', { serverId });
  if (!named.ok) return;
  const { tokens, containerService } = named.value;
  ctx.patchSection(serverId, { otherTokens: tokens, others: tokens.length, containerService });
}
