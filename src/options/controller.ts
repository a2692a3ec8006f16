// The settings page's behaviour without any UI, in the popup's shape: a state, actions that change
// it through the background, and feedback placed beside the field it is about.
import { failureText } from '../i18n/failures';
import type { Strings } from '../i18n/strings';
import type { Reply } from '../messaging/protocol';
import type { Send } from '../messaging/send';
import type { Success } from '../result';
import type { Server, Settings } from '../storage/schema';
import { hostPattern, serverAddress } from '../xnat/server-identity';

export type Field = 'servers' | 'format' | 'requestPath' | 'autoClear' | 'reminders';

export interface Feedback {
  field: Field;
  kind: 'ok' | 'error';
  text: string;
}

export interface OptionsState {
  loaded: boolean;
  servers: Server[];
  settings: Settings | null;
  feedback: Feedback | null;
  adding: boolean;
}

export interface OptionsBackend {
  send: Send;
  /** Must run inside the click handler, before any await: Firefox drops the gesture after one. */
  requestHost(pattern: string): Promise<boolean>;
  t: Strings;
}

export interface OptionsActions {
  /** Asks for the host permission synchronously, then detects and adds the server. */
  addServer(input: string): void;
  removeServer(serverId: string): void;
  save(patch: Partial<Settings>, field: Field): void;
}

export interface OptionsController extends OptionsActions {
  readonly state: OptionsState;
  subscribe(listener: (state: OptionsState) => void): () => void;
  load(): Promise<void>;
}

export function createOptionsController(backend: OptionsBackend): OptionsController {
  const { send, t } = backend;
  let state: OptionsState = { loaded: false, servers: [], settings: null, feedback: null, adding: false };
  const listeners = new Set<(state: OptionsState) => void>();
  const set = (patch: Partial<OptionsState>) => {
    state = { ...state, ...patch };
    for (const listener of listeners) listener(state);
  };
  const say = (field: Field, kind: Feedback['kind'], text: string) =>
    set({ feedback: { field, kind, text } });
  const succeeded = <T>(reply: Reply<T>, field: Field): reply is Success<T> => {
    if (!reply.ok) say(field, 'error', failureText(reply.failure, t));
    return reply.ok;
  };
  const reloadServers = async () => {
    const servers = await send('servers.list', {});
    if (servers.ok) set({ servers: servers.value });
  };

  return {
    get state() {
      return state;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async load() {
      const [servers, settings] = await Promise.all([send('servers.list', {}), send('settings.get', {})]);
      set({
        loaded: true,
        servers: servers.ok ? servers.value : [],
        settings: settings.ok ? settings.value : null,
      });
      if (!settings.ok) say('servers', 'error', failureText(settings.failure, t));
    },
    addServer(input) {
      const url = serverAddress(input);
      const pattern = url && hostPattern(url);
      if (!url || !pattern) {
        say('servers', 'error', t('failureBadUrl'));
        return;
      }
      void send('servers.intend', { url });
      // Requested before any await, inside the submit's user gesture.
      const granted = backend.requestHost(pattern);
      set({ adding: true, feedback: { field: 'servers', kind: 'ok', text: t('optionsAdding') } });
      void (async () => {
        if (!(await granted.catch(() => false))) say('servers', 'error', t('failureGrantRefused'));
        else {
          const added = await send('servers.add', { url });
          if (succeeded(added, 'servers')) say('servers', 'ok', t('optionsAdded', added.value.siteId));
        }
        set({ adding: false });
        await reloadServers();
      })();
    },
    removeServer(serverId) {
      void send('servers.remove', { serverId }).then(reloadServers);
    },
    save(patch, field) {
      void send('settings.set', patch).then((reply) => {
        if (succeeded(reply, field))
          set({ settings: reply.value, feedback: { field, kind: 'ok', text: t('optionsSaved') } });
      });
    },
  };
}
