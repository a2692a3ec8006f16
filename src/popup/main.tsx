// Popup entry: the real backend (background messages, the active tab, permission prompts).
import { render } from 'preact';
import { looksLikeXnat } from '../content/page';
import { createSend } from '../messaging/send';
import { t } from '../platform/i18n';
import { hostPermissions, requestHostPermission } from '../platform/permissions';
import { runtime } from '../platform/runtime';
import { storageArea } from '../platform/storage';
import { activeTab, checkTab, openTab } from '../platform/tabs';
import { readServers, readSettings, readSummary, readTokens } from '../storage/store';
import { App } from './app';
import { createPopupController } from './controller';

// Read straight from storage for the first paint: a message would wake the worker first.
const stored = storageArea('local');

const controller = createPopupController({
  send: createSend(runtime.sendMessage),
  async cached() {
    const servers = Object.values(await readServers(stored));
    const summaries = Object.fromEntries(
      await Promise.all(
        servers.map(async (s) => [s.id, await readSummary(stored, s.id, s.account)] as const),
      ),
    );
    return { servers, summaries, settings: await readSettings(stored) };
  },
  storedTokens: (serverId, account) => readTokens(stored, serverId, account),
  activeTab,
  tabLooksLikeXnat: (tabId) => checkTab(tabId, looksLikeXnat),
  requestHost: (pattern) => requestHostPermission(pattern),
  hostGranted: (pattern) => hostPermissions.contains(pattern),
  openTab,
  openOptions: () => runtime.openOptions(),
  now: () => Date.now(),
  t,
});

const root = document.getElementById('app') as HTMLElement;
const draw = () => render(<App state={controller.state} actions={controller} t={t} />, root);
controller.subscribe(draw);
draw();
void controller.load();
setInterval(() => controller.tick(), 1000);
