// Settings entry: the real backend (background messages and permission prompts).
import { render } from 'preact';
import { createSend } from '../messaging/send';
import { t } from '../platform/i18n';
import { clipboardRead, requestHostPermission } from '../platform/permissions';
import { runtime } from '../platform/runtime';
import { createOptionsController } from './controller';
import { OptionsApp } from './options-app';

const controller = createOptionsController({
  send: createSend(runtime.sendMessage),
  requestHost: (pattern) => requestHostPermission(pattern),
  requestClipboardRead: () => clipboardRead.request(),
  canReadClipboard: () => clipboardRead.granted(),
  t,
});
const root = document.getElementById('app') as HTMLElement;
const draw = () => render(<OptionsApp state={controller.state} actions={controller} t={t} />, root);
controller.subscribe(draw);
void controller.load();
