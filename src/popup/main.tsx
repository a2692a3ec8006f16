// Popup entry: the real backend (background messages, the active tab, permission prompts).
import { render } from 'preact';
// The same readers the background writes with: the popup only reads, and never a secret.
import { readServers, readSettings, readTokens } from '../background/store';
import { looksLikeXnat } from '../content/page';
import { createSend } from '../messaging/send';
import { injectPageScript } from '../platform/content-scripts';
import { t } from '../platform/i18n';
import { requestHostPermission } from '../platform/permissions';
import { runtime } from '../platform/runtime';
import { storageArea } from '../platform/storage';
import { activeTab, checkTab, openTab } from '../platform/tabs';
import { App } from './App';
import { PopupController } from './controller';

const stored = storageArea('local');

const controller = new PopupController({
  send: createSend(runtime.sendMessage),
  async cached() {
    const servers = Object.values(await readServers(stored));
    const tokens = Object.fromEntries(
      await Promise.all(servers.map(async (s) => [s.id, await readTokens(stored, s.id)])),
    );
    return { servers, tokens, settings: await readSettings(stored) };
  },
  activeTab,
  tabLooksLikeXnat: (tabId) => checkTab(tabId, looksLikeXnat),
  injectPageScript,
  requestHost: (pattern) => requestHostPermission(pattern),
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
