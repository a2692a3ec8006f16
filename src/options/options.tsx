// Options entry: settings and servers, through the same background protocol as the popup.
import { render } from 'preact';
import type { Settings } from '../messaging/protocol';
import { createSend } from '../messaging/send';
import { t } from '../platform/i18n';
import { requestHostPermission } from '../platform/permissions';
import { runtime } from '../platform/runtime';
import { hostPattern, parseBaseUrl } from '../xnat/server-ref';
import { OptionsApp, type OptionsState } from './OptionsApp';

const send = createSend(runtime.sendMessage);
const root = document.getElementById('app') as HTMLElement;
let state: OptionsState | null = null;

function update(patch: Partial<OptionsState>): void {
  if (!state) return;
  state = { ...state, ...patch };
  render(<OptionsApp state={state} actions={actions} t={t} />, root);
}

async function reloadServers(): Promise<void> {
  const servers = await send('servers.list', {});
  if (servers.ok) update({ servers: servers.value });
}

const actions = {
  addServer(url: string): void {
    const server = parseBaseUrl(url);
    const pattern = server && hostPattern(server.origin);
    if (!server || !pattern) {
      update({ message: { kind: 'error', text: t('optionsBadUrl') } });
      return;
    }
    // Requested before any await, inside the submit's user gesture.
    const granted = requestHostPermission(pattern);
    update({ adding: true, message: { kind: 'ok', text: t('optionsAdding') } });
    void (async () => {
      const ok = await granted.catch(() => false);
      const added = ok ? await send('servers.add', { url: `${server.origin}${server.contextPath}/` }) : null;
      if (!added) update({ adding: false, message: { kind: 'error', text: t('popupGrantRefused') } });
      else if (!added.ok) update({ adding: false, message: { kind: 'error', text: added.failure.message } });
      else update({ adding: false, message: { kind: 'ok', text: t('optionsAdded', added.value.siteId) } });
      await reloadServers();
    })();
  },
  removeServer(serverId: string): void {
    void send('servers.remove', { serverId }).then(reloadServers);
  },
  save(patch: Partial<Settings>): void {
    void send('settings.set', patch).then((reply) => {
      if (reply.ok) update({ settings: reply.value, message: { kind: 'ok', text: t('optionsSaved') } });
      else update({ message: { kind: 'error', text: reply.failure.message } });
    });
  },
};

void (async () => {
  const [servers, settings] = await Promise.all([send('servers.list', {}), send('settings.get', {})]);
  if (!settings.ok) {
    root.textContent = settings.failure.message;
    return;
  }
  state = {
    servers: servers.ok ? servers.value : [],
    settings: settings.value,
    message: null,
    adding: false,
  };
  update({});
})();
