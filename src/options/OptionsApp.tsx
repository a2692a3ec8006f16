import { useState } from 'preact/hooks';
import type { ServerView, Settings } from '../messaging/protocol';
import type { Strings } from '../platform/i18n';
import { displayHost } from '../popup/model';
import { FORMAT_INFO, SNIPPET_FORMATS, type SnippetFormat } from '../snippets/formats';
import { isRequestPath } from '../snippets/input';

export interface OptionsState {
  servers: ServerView[];
  settings: Settings;
  message: { kind: 'ok' | 'error'; text: string } | null;
  adding: boolean;
}

export interface OptionsActions {
  /** Asks for the host permission synchronously, then detects and adds the server. */
  addServer(url: string): void;
  removeServer(serverId: string): void;
  save(patch: Partial<Settings>): void;
}

const CLEAR_CHOICES = [0, 30, 60, 120, 300];
const NOTIFY_CHOICES: [number, 'optionsNotifyDay' | 'optionsNotifyHour' | 'optionsNotifyExpiry'][] = [
  [24 * 60, 'optionsNotifyDay'],
  [60, 'optionsNotifyHour'],
  [0, 'optionsNotifyExpiry'],
];

export function OptionsApp({
  state,
  actions,
  t,
}: {
  state: OptionsState;
  actions: OptionsActions;
  t: Strings;
}) {
  const { servers, settings } = state;
  const [url, setUrl] = useState('');
  const [path, setPath] = useState(settings.requestPath);
  const clearLabel = (s: number) =>
    s === 0
      ? t('optionsAutoClearOff')
      : s < 60
        ? t('optionsSeconds', String(s))
        : t('optionsMinutes', String(s / 60));
  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
      {state.message && (
        <p
          class={state.message.kind === 'error' ? 'error' : 'hint'}
          role={state.message.kind === 'error' ? 'alert' : 'status'}
        >
          {state.message.text}
        </p>
      )}
      <fieldset>
        <legend>{t('optionsServers')}</legend>
        {servers.length === 0 && <p class="hint">{t('optionsNoServers')}</p>}
        <ul class="servers">
          {servers.map((server) => (
            <li key={server.id}>
              <strong>{server.siteId}</strong>
              <span class="host">{displayHost(server)}</span>
              <span class="hint">XNAT {server.version}</span>
              <button
                type="button"
                onClick={() => actions.removeServer(server.id)}
                aria-label={t('optionsRemoveLabel', displayHost(server))}
              >
                {t('optionsRemove')}
              </button>
            </li>
          ))}
        </ul>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            actions.addServer(url);
          }}
        >
          <label for="server-url">{t('optionsAddServer')}</label>
          <div class="row">
            <input
              id="server-url"
              type="url"
              required
              placeholder={t('optionsAddPlaceholder')}
              value={url}
              onInput={(e) => setUrl((e.target as HTMLInputElement).value)}
            />
            <button type="submit" class="primary" disabled={state.adding}>
              {t('optionsAdd')}
            </button>
          </div>
        </form>
      </fieldset>
      <fieldset>
        <legend>{t('optionsCopying')}</legend>
        <label>
          {t('optionsDefaultFormat')}{' '}
          <select
            value={settings.defaultFormat}
            onChange={(e) =>
              actions.save({ defaultFormat: (e.target as HTMLSelectElement).value as SnippetFormat })
            }
          >
            {SNIPPET_FORMATS.map((format) => (
              <option key={format} value={format}>
                {FORMAT_INFO[format].label}: {FORMAT_INFO[format].hint}
              </option>
            ))}
          </select>
        </label>
        <label for="request-path">{t('optionsRequestPath')}</label>
        <input
          id="request-path"
          type="text"
          value={path}
          aria-describedby="request-path-hint"
          aria-invalid={!isRequestPath(path)}
          onInput={(e) => setPath((e.target as HTMLInputElement).value)}
          onChange={(e) => {
            const value = (e.target as HTMLInputElement).value;
            if (isRequestPath(value)) actions.save({ requestPath: value });
          }}
        />
        <p id="request-path-hint" class={isRequestPath(path) ? 'hint' : 'error'}>
          {isRequestPath(path) ? t('optionsRequestPathHint') : t('optionsBadRequestPath')}
        </p>
        <label>
          {t('optionsAutoClear')}{' '}
          <select
            value={String(settings.clipboardClearSeconds)}
            onChange={(e) =>
              actions.save({ clipboardClearSeconds: Number((e.target as HTMLSelectElement).value) })
            }
          >
            {CLEAR_CHOICES.map((s) => (
              <option key={s} value={String(s)}>
                {clearLabel(s)}
              </option>
            ))}
          </select>
        </label>
        <p class="hint">{t('optionsClipboardNote')}</p>
      </fieldset>
      <fieldset>
        <legend>{t('optionsNotifications')}</legend>
        {NOTIFY_CHOICES.map(([minutes, key]) => (
          <label key={minutes}>
            <input
              type="checkbox"
              checked={settings.notifyMinutesBefore.includes(minutes)}
              onChange={(e) => {
                const on = (e.target as HTMLInputElement).checked;
                const next = settings.notifyMinutesBefore.filter((m) => m !== minutes);
                actions.save({ notifyMinutesBefore: on ? [...next, minutes].sort((a, b) => b - a) : next });
              }}
            />{' '}
            {t(key)}
          </label>
        ))}
      </fieldset>
    </main>
  );
}
