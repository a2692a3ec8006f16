// Settings entry: the real backend (background messages and permission prompts). Opened with
// `?welcome` on install, it greets a new user instead of listing every setting.
import { render } from 'preact';
import { createSend } from '../messaging/send';
import { t } from '../platform/i18n';
import { clipboardRead, requestHostPermission } from '../platform/permissions';
import { runtime } from '../platform/runtime';
import { createOptionsController } from './controller';
import { OptionsApp } from './options-app';
import { WelcomeApp } from './welcome-app';

const controller = createOptionsController({
  send: createSend(runtime.sendMessage),
  requestHost: (pattern) => requestHostPermission(pattern),
  requestClipboardRead: () => clipboardRead.request(),
  canReadClipboard: () => clipboardRead.granted(),
  t,
});
const welcome = new URLSearchParams(location.search).has('welcome');
const Page = welcome ? WelcomeApp : OptionsApp;
document.title = t(welcome ? 'welcomeTitle' : 'optionsTitle');
const root = document.getElementById('app') as HTMLElement;
const draw = () => render(<Page state={controller.state} actions={controller} t={t} />, root);
controller.subscribe(draw);
void controller.load();
