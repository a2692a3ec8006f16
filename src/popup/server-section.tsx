import { useState } from 'preact/hooks';
import { failureText } from '../i18n/failures';
import type { Strings } from '../i18n/strings';
import type { Failure } from '../result';
import type { SnippetFormat } from '../snippets/formats';
import { displayHost, serverName } from '../xnat/names';
import type { PopupActions } from './controller';
import type { ServerSection } from './model';
import { TokenRow } from './token-row';

interface Props {
  section: ServerSection;
  now: number;
  defaultFormat: SnippetFormat;
  actions: PopupActions;
  t: Strings;
}

// Pipelines can leave hundreds of tokens; the newest twenty (more than a popup shows) open at once, the rest on request.
const FIRST_ROWS = 20;

export function ServerSectionView({ section, now, defaultFormat, actions, t }: Props) {
  const { server, tokens, collapsed, failure } = section;
  const [showAll, setShowAll] = useState(false);
  const visible = showAll ? tokens : tokens.slice(0, FIRST_ROWS);
  const bodyId = `tokens-${encodeURIComponent(server.id)}`;
  const serverNow = now + server.clockOffsetMs;
  const name = serverName(server);
  return (
    <section class="server" aria-busy={section.loading}>
      <header>
        <button
          type="button"
          class="toggle"
          aria-expanded={!collapsed}
          aria-controls={bodyId}
          aria-label={t(collapsed ? 'popupExpand' : 'popupCollapse', name)}
          onClick={() => actions.toggle(server.id)}
        >
          <span class="chevron" aria-hidden="true">
            {collapsed ? '▸' : '▾'}
          </span>
          <span class="site">{name}</span>
          <span class="host">{displayHost(server)}</span>
          {collapsed && <span class="count">{t('popupTokenCount', String(tokens.length))}</span>}
        </button>
        <button
          type="button"
          class="primary"
          disabled={section.busy}
          onClick={() => void actions.create(server.id)}
          aria-label={t('popupCreateLabel', name)}
        >
          {t('popupCreate')}
        </button>
        <button
          type="button"
          onClick={() => void actions.refresh(server.id)}
          aria-label={t('popupRefreshLabel', name)}
        >
          ↻
        </button>
      </header>
      {!collapsed && (
        <div id={bodyId}>
          {failure ? (
            <StateMessage serverId={server.id} failure={failure} actions={actions} t={t} />
          ) : (
            <>
              {section.cached && section.loading && <p class="hint">{t('popupCached')}</p>}
              {tokens.length === 0 && !section.loading && <p class="empty">{t('popupEmpty')}</p>}
              {section.refused > 0 && <p class="hint">{t('popupRefused', String(section.refused))}</p>}
              <ul class="tokens">
                {visible.map((token) => (
                  <TokenRow
                    key={token.id}
                    serverId={server.id}
                    token={token}
                    serverNow={serverNow}
                    clockOffsetMs={server.clockOffsetMs}
                    defaultFormat={defaultFormat}
                    actions={actions}
                    t={t}
                  />
                ))}
              </ul>
              {visible.length < tokens.length && (
                <button type="button" class="more-rows" onClick={() => setShowAll(true)}>
                  {t('popupShowAll', String(tokens.length))}
                </button>
              )}
            </>
          )}
          <button type="button" class="link" onClick={() => actions.openTokenPage(server.id)}>
            {t('popupOpenTokenPage', name)}
          </button>
        </div>
      )}
    </section>
  );
}

/** Each failure in its own words, with the one action that helps. */
function StateMessage({
  serverId,
  failure,
  actions,
  t,
}: {
  serverId: string;
  failure: Failure;
  actions: PopupActions;
  t: Strings;
}) {
  const retry = { label: t('stateRetry'), run: () => void actions.refresh(serverId) };
  const states: Partial<Record<Failure['kind'], [string, { label: string; run: () => void }]>> = {
    'logged-out': [
      t('stateLoggedOut'),
      { label: t('stateLoggedOutAction'), run: () => actions.openLogin(serverId) },
    ],
    'no-permission': [
      t('stateNoPermission'),
      { label: t('stateNoPermissionAction'), run: () => actions.grantServer(serverId) },
    ],
    'not-xnat': [t('stateNotXnat'), retry],
    network: [t('stateOffline'), retry],
    timeout: [t('stateTimeout'), retry],
    'server-error': [t('stateServerError'), retry],
  };
  const [text, action] = states[failure.kind] ?? [failureText(failure, t), retry];
  return (
    <div class="state" role="alert" data-kind={failure.kind}>
      <p>{text}</p>
      <button type="button" class="primary" onClick={action.run}>
        {action.label}
      </button>
    </div>
  );
}
