import { useEffect, useRef, useState } from 'preact/hooks';
import type { Strings } from '../i18n/strings';
import { displayHost, serverName, serverTitle } from '../xnat/names';
import type { OptionsViewProps } from './controller';
import { FieldFeedback } from './field-feedback';

export function ServersFieldset({ state, actions, t }: OptionsViewProps) {
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
      <AddServerForm state={state} actions={actions} t={t} />
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

/** Any address on the server will do: the settings and the welcome page share this field. */
export function AddServerForm({
  state,
  actions,
  t,
  label = t('optionsAddServer'),
}: OptionsViewProps & { label?: string }) {
  const [url, setUrl] = useState('');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        actions.addServer(url);
      }}
    >
      <label for="server-url">{label}</label>
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
  );
}
