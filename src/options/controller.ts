// The settings page's behaviour without any UI, in the popup's shape: a state, actions that change
// it through the background, and feedback placed beside the field it is about.
import { failureText } from '../i18n/failures';
import type { Strings } from '../i18n/strings';
import type { Reply } from '../messaging/protocol';
import type { Send } from '../messaging/send';
import type { Success } from '../result';
import type { Server, Settings } from '../storage/schema';
import { addServer } from '../ui/grant-flow';
import { createViewStore } from '../ui/store';
import { serverTitle } from '../xnat/names';
import { serverAddress } from '../xnat/server-identity';

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
  /** Auto-clear reads the clipboard back; without this permission it stays off. */
  canReadClipboard: boolean;
}

export interface OptionsBackend {
  send: Send;
  /** Must run inside the click handler, before any await: Firefox drops the gesture after one. */
  requestHost(pattern: string): Promise<boolean>;
  /** Must run inside the change handler that turns auto-clear on, before any await. */
  requestClipboardRead(): Promise<boolean>;
  canReadClipboard(): Promise<boolean>;
  t: Strings;
}

export interface OptionsActions {
  /** Asks for the host permission synchronously, then detects and adds the server. */
  addServer(input: string): void;
  removeServer(serverId: string): void;
  openTokenPage(serverId: string): void;
  save(patch: Partial<Settings>, field: Field): void;
}

/** What every view of the settings page (and its welcome state) renders from. */
export interface OptionsViewProps {
  state: OptionsState;
  actions: OptionsActions;
  t: Strings;
}

export interface OptionsController extends OptionsActions {
  readonly state: OptionsState;
  subscribe(listener: (state: OptionsState) => void): () => void;
  load(): Promise<void>;
}

export function createOptionsController(backend: OptionsBackend): OptionsController {
  const { send, t } = backend;
  const store = createViewStore<OptionsState>({
    loaded: false,
    servers: [],
    settings: null,
    feedback: null,
    adding: false,
    canReadClipboard: false,
  });
  const { set } = store;
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
      return store.state;
    },
    subscribe: store.subscribe,
    async load() {
      const [servers, settings, canReadClipboard] = await Promise.all([
        send('servers.list', {}),
        send('settings.get', {}),
        backend.canReadClipboard(),
      ]);
      set({
        loaded: true,
        servers: servers.ok ? servers.value : [],
        settings: settings.ok ? settings.value : null,
        canReadClipboard,
      });
      if (!settings.ok) say('servers', 'error', failureText(settings.failure, t));
    },
    addServer(input) {
      if (!serverAddress(input)) {
        say('servers', 'error', t('failureBadUrl'));
        return;
      }
      const adding = addServer(backend, input);
      set({ adding: true, feedback: { field: 'servers', kind: 'ok', text: t('optionsAdding') } });
      void (async () => {
        const added = await adding;
        if (succeeded(added, 'servers')) {
          const { server, isNew } = added.value;
          say('servers', 'ok', t(isNew ? 'optionsAdded' : 'optionsAlreadyAdded', serverTitle(server)));
        }
        set({ adding: false });
        await reloadServers();
      })();
    },
    openTokenPage(serverId) {
      void send('servers.openTokenPage', { serverId }).then((reply) => succeeded(reply, 'servers'));
    },
    removeServer(serverId) {
      const server = store.state.servers.find((s) => s.id === serverId);
      void (async () => {
        if (succeeded(await send('servers.remove', { serverId }), 'servers') && server)
          say('servers', 'ok', t('optionsRemoved', serverTitle(server)));
        await reloadServers();
      })();
    },
    save(patch, field) {
      // Clearing only what the extension wrote means reading the clipboard: ask in this gesture.
      const permitted = patch.clipboardClearSeconds ? backend.requestClipboardRead() : Promise.resolve(true);
      void (async () => {
        const canRead = await permitted.catch(() => false);
        if (patch.clipboardClearSeconds) set({ canReadClipboard: canRead });
        if (!canRead) {
          say(field, 'error', t('optionsAutoClearNeedsRead'));
          return;
        }
        const reply = await send('settings.set', patch);
        if (succeeded(reply, field))
          set({ settings: reply.value, feedback: { field, kind: 'ok', text: t('optionsSaved') } });
      })();
    },
  };
}
