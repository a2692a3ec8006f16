// The popup's behaviour, without any UI: it loads servers and tokens through the background and
// turns user actions into requests. Components only see its state and its PopupActions.
import type { Reply, ServerView, Settings, TokenMeta } from '../messaging/protocol';
import type { Send } from '../messaging/send';
import type { Strings } from '../platform/i18n';
import type { SnippetFormat } from '../snippets/formats';
import { hostPattern } from '../xnat/server-ref';
import {
  initialSections,
  type Notice,
  type PopupState,
  type ServerSection,
  type TabState,
  tabOnKnownServer,
} from './model';

export interface PopupBackend {
  send: Send;
  /** What the background stored last time (servers, token metadata, settings): never a secret. */
  cached(): Promise<{ servers: ServerView[]; tokens: Record<string, TokenMeta[]>; settings: Settings }>;
  activeTab(): Promise<{ id: number; url: string } | null>;
  tabLooksLikeXnat(tabId: number): Promise<boolean>;
  injectPageScript(tabId: number): Promise<void>;
  /** Must run inside the click handler, before any await: Firefox drops the gesture after one. */
  requestHost(pattern: string): Promise<boolean>;
  openTab(url: string): Promise<void>;
  openOptions(): Promise<void>;
  now(): number;
  t: Strings;
}

export interface PopupActions {
  grantTab(): void;
  grantServer(serverId: string): void;
  refresh(serverId: string): Promise<void>;
  toggle(serverId: string): void;
  copy(serverId: string, tokenId: number, format?: SnippetFormat): Promise<void>;
  create(serverId: string): Promise<void>;
  remove(serverId: string, tokenId: number): Promise<void>;
  saveLabel(serverId: string, tokenId: number, label: string): Promise<void>;
  openLogin(serverId: string): void;
  openOptions(): void;
  dismissNotice(): void;
}

export class PopupController implements PopupActions {
  state: PopupState;
  private readonly listeners = new Set<(state: PopupState) => void>();
  private readonly creating = new Set<string>();

  constructor(private readonly backend: PopupBackend) {
    this.state = {
      loading: true,
      tab: { kind: 'unknown' },
      sections: [],
      settings: null,
      notice: null,
      clipboardHistoryNote: false,
      now: backend.now(),
    };
  }

  subscribe(listener: (state: PopupState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(patch: Partial<PopupState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener(this.state);
  }

  private patchSection(serverId: string, patch: Partial<ServerSection>): void {
    this.set({
      sections: this.state.sections.map((s) => (s.server.id === serverId ? { ...s, ...patch } : s)),
    });
  }

  private section(serverId: string): ServerSection | undefined {
    return this.state.sections.find((s) => s.server.id === serverId);
  }

  tick(): void {
    this.set({ now: this.backend.now() });
  }

  /**
   * First paint straight from stored metadata (no worker wake-up, no request), then the
   * background's view (grants re-checked, the tab classified) and one fresh list per server.
   */
  async load(): Promise<void> {
    const [snapshot, tab] = await Promise.all([this.backend.cached(), this.backend.activeTab()]);
    const quickTab = tabOnKnownServer(tab, snapshot.servers);
    this.set({
      loading: false,
      tab: quickTab,
      settings: snapshot.settings,
      sections: initialSections(snapshot.servers, quickTab, snapshot.tokens),
    });
    // Fresh lists for the stored servers start at once, beside the background's server list.
    const refreshing = snapshot.servers.map((server) => this.refresh(server.id));
    const servers = await this.backend.send('servers.list', {});
    if (!servers.ok) this.notify('error', servers.failure.message);
    const known = servers.ok ? servers.value : snapshot.servers;
    const tabState = await this.classifyTab(tab, known);
    const shown = new Map(this.state.sections.map((s) => [s.server.id, s]));
    this.set({
      tab: tabState,
      sections: initialSections(known, tabState).map((fresh) => {
        const current = shown.get(fresh.server.id);
        return current ? { ...current, collapsed: fresh.collapsed } : fresh;
      }),
    });
    const added = known.filter((server) => !shown.has(server.id));
    await Promise.all([...refreshing, ...added.map((server) => this.refresh(server.id))]);
  }

  private async classifyTab(
    tab: { id: number; url: string } | null,
    servers: ServerView[],
  ): Promise<TabState> {
    const known = tabOnKnownServer(tab, servers);
    if (known.kind !== 'unknown' || !tab) return known;
    if (!(await this.backend.tabLooksLikeXnat(tab.id))) return { kind: 'not-xnat' };
    return { kind: 'ungranted', url: tab.url, host: new URL(tab.url).host, tabId: tab.id };
  }

  async refresh(serverId: string): Promise<void> {
    this.patchSection(serverId, { loading: true });
    const listed = await this.backend.send('tokens.list', { serverId });
    if (listed.ok) {
      const { tokens, refused, server } = listed.value;
      this.patchSection(serverId, { tokens, refused, server, cached: false, loading: false, failure: null });
    } else {
      this.patchSection(serverId, { loading: false, failure: listed.failure });
    }
  }

  grantTab(): void {
    const tab = this.state.tab;
    if (tab.kind !== 'ungranted') return;
    const pattern = hostPattern(tab.url);
    if (!pattern) return;
    const granted = this.backend.requestHost(pattern);
    void this.afterGrant(granted, tab.url, tab.tabId);
  }

  grantServer(serverId: string): void {
    const pattern = hostPattern(serverId);
    if (!pattern) return;
    const granted = this.backend.requestHost(pattern);
    void this.afterGrant(granted, serverId);
  }

  private async afterGrant(granted: Promise<boolean>, url: string, tabId?: number): Promise<void> {
    if (!(await granted.catch(() => false))) {
      this.notify('error', this.backend.t('popupGrantRefused'));
      return;
    }
    const added = await this.backend.send('servers.add', { url });
    if (!added.ok) {
      this.notify('error', added.failure.message);
      return;
    }
    // The page is already open: decorate it now rather than on its next load.
    if (tabId !== undefined) await this.backend.injectPageScript(tabId).catch(() => undefined);
    this.set({ loading: true });
    await this.load();
  }

  toggle(serverId: string): void {
    const section = this.section(serverId);
    if (section) this.patchSection(serverId, { collapsed: !section.collapsed });
  }

  async copy(serverId: string, tokenId: number, format?: SnippetFormat): Promise<void> {
    const reply = await this.backend.send(
      'tokens.copy',
      format ? { serverId, tokenId, format } : { serverId, tokenId },
    );
    this.reportCopy(reply);
    if (!reply.ok && reply.failure.kind === 'unknown-token') await this.refresh(serverId);
  }

  private reportCopy(reply: Reply<{ label: string; hint: string; clearsInSeconds: number }>): void {
    if (!reply.ok) {
      this.notify('error', reply.failure.message);
      return;
    }
    const { label, hint, clearsInSeconds } = reply.value;
    const clears = clearsInSeconds > 0 ? ` ${this.backend.t('popupClears', String(clearsInSeconds))}` : '';
    this.notify('ok', this.backend.t('popupCopied', label, hint) + clears);
    this.noteClipboardHistory();
  }

  /** security.md: warn once, after the first copy, that clipboard history may keep copies. */
  private noteClipboardHistory(): void {
    if (this.state.settings?.clipboardNoteShown !== false) return;
    this.set({ clipboardHistoryNote: true, settings: { ...this.state.settings, clipboardNoteShown: true } });
    void this.backend.send('settings.set', { clipboardNoteShown: true });
  }

  /** One create per server at a time: a double click makes one token. */
  async create(serverId: string): Promise<void> {
    if (this.creating.has(serverId)) return;
    this.creating.add(serverId);
    this.patchSection(serverId, { busy: true });
    try {
      const reply = await this.backend.send('tokens.create', { serverId, copy: true });
      if (!reply.ok) {
        this.notify('error', reply.failure.message);
        return;
      }
      const { token, copy } = reply.value;
      const section = this.section(serverId);
      if (section)
        this.patchSection(serverId, { tokens: [token, ...section.tokens.filter((t) => t.id !== token.id)] });
      if (copy?.ok) {
        this.notify('ok', this.backend.t('popupCreatedCopied', copy.value.label));
        this.noteClipboardHistory();
      } else
        this.notify(
          copy ? 'error' : 'ok',
          copy && !copy.ok ? copy.failure.message : this.backend.t('popupCreatedOnly'),
        );
    } finally {
      this.creating.delete(serverId);
      this.patchSection(serverId, { busy: false });
    }
  }

  async remove(serverId: string, tokenId: number): Promise<void> {
    const reply = await this.backend.send('tokens.delete', { serverId, tokenId });
    if (!reply.ok) {
      this.notify('error', reply.failure.message);
      return;
    }
    const section = this.section(serverId);
    if (section) this.patchSection(serverId, { tokens: section.tokens.filter((t) => t.id !== tokenId) });
    this.notify('ok', this.backend.t('popupDeleted'));
  }

  async saveLabel(serverId: string, tokenId: number, label: string): Promise<void> {
    const reply = await this.backend.send('tokens.label', { serverId, tokenId, label });
    if (!reply.ok) {
      this.notify('error', reply.failure.message);
      return;
    }
    const section = this.section(serverId);
    const trimmed = label.trim();
    if (section) {
      this.patchSection(serverId, {
        tokens: section.tokens.map((t) => (t.id === tokenId ? { ...t, label: trimmed || undefined } : t)),
      });
    }
  }

  openLogin(serverId: string): void {
    void this.backend.openTab(`${serverId}/app/template/Login.vm`);
  }

  openOptions(): void {
    void this.backend.openOptions();
  }

  dismissNotice(): void {
    this.set({ notice: null });
  }

  private notify(kind: Notice['kind'], text: string): void {
    this.set({ notice: { kind, text } });
  }
}
