// Popup entry: the real backend (background messages, the active tab, permission prompts).
import { render } from 'preact';
import { looksLikeXnat } from '../content/page';
import { createSend } from '../messaging/send';
import { t } from '../platform/i18n';
import { hostPermissions } from '../platform/permissions';
import { runtime } from '../platform/runtime';
import { tabs } from '../platform/tabs';
import { App } from './App';
import { PopupController } from './controller';

const controller = new PopupController({
  send: createSend(runtime.sendMessage),
  activeTab: () => tabs.active(),
  tabLooksLikeXnat: (tabId) => tabs.check(tabId, looksLikeXnat),
  requestHost: (pattern) => hostPermissions.request(pattern),
  openTab: (url) => tabs.open(url),
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
