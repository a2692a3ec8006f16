import { useEffect, useRef, useState } from 'preact/hooks';
import { formatWords } from '../i18n/formats';
import type { Strings } from '../i18n/strings';
import { SNIPPET_FORMATS, type SnippetFormat } from '../snippets/formats';
import { isRequestPath } from '../snippets/input';
import type { Settings } from '../storage/schema';
import { displayHost, serverName, serverTitle } from '../xnat/names';
import type { Field, OptionsActions, OptionsState } from './controller';

const CLEAR_CHOICES = [0, 30, 60, 120, 300];
const NOTIFY_CHOICES: [number, 'optionsNotifyDay' | 'optionsNotifyHour' | 'optionsNotifyExpiry'][] = [
  [24 * 60, 'optionsNotifyDay'],
  [60, 'optionsNotifyHour'],
  [0, 'optionsNotifyExpiry'],
];

interface Props {
  state: OptionsState;
  actions: OptionsActions;
  t: Strings;
}

/** The settings page as a function of its state and actions. */
export function OptionsApp({ state, actions, t }: Props) {
  if (!state.loaded) return <main aria-busy="true" />;
  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
      <p class="hint">{t('aliasTokenExplained')}</p>
      <ServersFieldset state={state} actions={actions} t={t} />
      {state.settings && (
        <SettingsFieldsets settings={state.settings} state={state} actions={actions} t={t} />
      )}
    </main>
  );
}

/** Feedback sits beside the field it is about, and is read out when it changes. */
function FieldFeedback({ state, field }: { state: OptionsState; field: Field }) {
  const feedback = state.feedback?.field === field ? state.feedback : null;
  return (
    <p class={`feedback ${feedback?.kind ?? ''}`} role={feedback?.kind === 'error' ? 'alert' : 'status'}>
      {feedback?.text ?? ''}
    </p>
  );
}

function ServersFieldset({ state, actions, t }: Props) {
  const [url, setUrl] = useState('');
  const [confirming, setConfirming] = useState<string | null>(null);
  return (
    <fieldset>
      <legend>{t('optionsServers')}</legend>
      {state.servers.length === 0 && <p class="hint">{t('optionsNoServers')}</p>}
      <ul class="servers">
        {state.servers.map((server) => {
          const title = serverTitle(server);
          return (
            <li key={server.id}>
              <div class="server-line">
                <strong class="site" title={title}>
                  {serverName(server)}
                </strong>
                <span class="host">{displayHost(server)}</span>
                <span class="hint">XNAT {server.version}</span>
                <button
                  type="button"
                  class="link"
                  onClick={() => actions.openTokenPage(server.id)}
                  aria-label={t('optionsOpenTokenPageLabel', title)}
                >
                  {t('optionsOpenTokenPage')}
                </button>
                <button
                  type="button"
                  onClick={() => setConfirming(server.id)}
                  aria-label={t('optionsRemoveLabel', title)}
                  aria-expanded={confirming === server.id}
                >
                  {t('optionsRemove')}
                </button>
              </div>
              {confirming === server.id && (
                <RemoveQuestion
                  title={title}
                  t={t}
                  onAnswer={(remove) => {
                    setConfirming(null);
                    if (remove) actions.removeServer(server.id);
                  }}
                />
              )}
            </li>
          );
        })}
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
            type="text"
            inputMode="url"
            autoComplete="url"
            required
            aria-describedby="server-url-hint"
            placeholder={t('optionsAddPlaceholder')}
            value={url}
            onInput={(e) => setUrl((e.target as HTMLInputElement).value)}
          />
          <button type="submit" class="primary" disabled={state.adding}>
            {t('optionsAdd')}
          </button>
        </div>
        <p id="server-url-hint" class="hint">
          {t('optionsAddHint')}
        </p>
        <FieldFeedback state={state} field="servers" />
      </form>
    </fieldset>
  );
}

/** Removing also gives back the site access: said before it happens, and Escape backs out. */
function RemoveQuestion({
  title,
  t,
  onAnswer,
}: {
  title: string;
  t: Strings;
  onAnswer(remove: boolean): void;
}) {
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  return (
    <div
      class="confirm"
      role="alertdialog"
      aria-label={t('optionsRemoveConfirm', title)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onAnswer(false);
      }}
    >
      <p>{t('optionsRemoveConfirm', title)}</p>
      <button type="button" class="danger" onClick={() => onAnswer(true)}>
        {t('optionsRemoveYes')}
      </button>
      <button type="button" ref={cancel} onClick={() => onAnswer(false)}>
        {t('popupCancel')}
      </button>
    </div>
  );
}

function SettingsFieldsets({ settings, state, actions, t }: Props & { settings: Settings }) {
  const [path, setPath] = useState(settings.requestPath);
  const clearLabel = (s: number) =>
    s === 0
      ? t('optionsAutoClearOff')
      : s < 60
        ? t('optionsSeconds', String(s))
        : t('optionsMinutes', String(s / 60));
  return (
    <>
      <fieldset>
        <legend>{t('optionsCopying')}</legend>
        <label>
          {t('optionsDefaultFormat')}{' '}
          <select
            value={settings.defaultFormat}
            onChange={(e) =>
              actions.save(
                { defaultFormat: (e.target as HTMLSelectElement).value as SnippetFormat },
                'format',
              )
            }
          >
            {SNIPPET_FORMATS.map((format) => {
              const { label, hint } = formatWords(format, t);
              return (
                <option key={format} value={format}>
                  {label}: {hint}
                </option>
              );
            })}
          </select>
        </label>
        <FieldFeedback state={state} field="format" />
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
            if (isRequestPath(value)) actions.save({ requestPath: value }, 'requestPath');
          }}
        />
        <p id="request-path-hint" class={isRequestPath(path) ? 'hint' : 'error'}>
          {isRequestPath(path) ? t('optionsRequestPathHint') : t('optionsBadRequestPath')}
        </p>
        <FieldFeedback state={state} field="requestPath" />
        <label>
          {t('optionsAutoClear')}{' '}
          <select
            value={String(settings.clipboardClearSeconds)}
            onChange={(e) =>
              actions.save(
                { clipboardClearSeconds: Number((e.target as HTMLSelectElement).value) },
                'autoClear',
              )
            }
          >
            {CLEAR_CHOICES.map((s) => (
              <option key={s} value={String(s)}>
                {clearLabel(s)}
              </option>
            ))}
          </select>
        </label>
        {settings.clipboardClearSeconds > 0 && !state.canReadClipboard && (
          <p class="error">{t('optionsAutoClearOffNoRead')}</p>
        )}
        <FieldFeedback state={state} field="autoClear" />
        <p class="hint">{t('optionsClipboardNote')}</p>
      </fieldset>
      <fieldset>
        <legend>{t('optionsNotifications')}</legend>
        <fieldset class="choices">
          <legend>{t('optionsRemindAbout')}</legend>
          {(['yours', 'all'] as const).map((scope) => (
            <label key={scope}>
              <input
                type="radio"
                name="remind-about"
                checked={settings.remindAbout === scope}
                onChange={() => actions.save({ remindAbout: scope }, 'reminders')}
              />{' '}
              {t(scope === 'yours' ? 'optionsRemindYours' : 'optionsRemindAll')}
            </label>
          ))}
        </fieldset>
        <fieldset class="choices">
          <legend>{t('optionsNotifyWhen')}</legend>
          {NOTIFY_CHOICES.map(([minutes, key]) => (
            <label key={minutes}>
              <input
                type="checkbox"
                checked={settings.notifyMinutesBefore.includes(minutes)}
                onChange={(e) => {
                  const on = (e.target as HTMLInputElement).checked;
                  const next = settings.notifyMinutesBefore.filter((m) => m !== minutes);
                  actions.save(
                    { notifyMinutesBefore: on ? [...next, minutes].sort((a, b) => b - a) : next },
                    'reminders',
                  );
                }}
              />{' '}
              {t(key)}
            </label>
          ))}
        </fieldset>
        <FieldFeedback state={state} field="reminders" />
      </fieldset>
    </>
  );
}
