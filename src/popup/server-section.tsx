import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { timeLeftText } from '../expiry/countdown';
import type { Strings } from '../i18n/strings';
import { plural } from '../i18n/strings';
import type { SnippetFormat } from '../snippets/format-names';
import { isLeftover, type Server, type TokenMeta } from '../storage/schema';
import { displayHost, serverName } from '../xnat/names';
import type { PopupActions } from './controller';
import { FILTER_FROM, matching, type ServerSection } from './model';
import { blockedReason, StateMessage } from './state-message';
import { TokenRow } from './token-row';

interface Props {
  section: ServerSection;
  now: number;
  defaultFormat: SnippetFormat;
  actions: PopupActions;
  t: Strings;
}

/**
 * One server: its header (name and host, New token, reload), then the tokens the user uses, soonest
 * expiry first, then the other tokens collapsed behind their count.
 */
export function ServerSectionView(props: Props) {
  const { section, actions, t } = props;
  const { server, collapsed, failure } = section;
  const id = encodeURIComponent(server.id);
  const name = serverName(server);
  const total = section.yours.length + section.others;
  return (
    <section class="server" aria-busy={section.loading} aria-label={`${name} ${displayHost(server)}`}>
      <SectionHeader {...props} />
      {!collapsed && (
        <div id={`tokens-${id}`}>
          {failure && (
            <StateMessage id={`state-${id}`} serverId={server.id} failure={failure} actions={actions} t={t} />
          )}
          {(failure || (section.cached && section.loading)) && total > 0 && (
            <p class="hint">{t(failure ? 'popupStale' : 'popupCached')}</p>
          )}
          {section.foreign > 0 && server.account && (
            <p class="warning" role="alert">
              {plural(t, 'popupForeign', section.foreign, server.account)}
            </p>
          )}
          {server.account && <AccountLine server={{ ...server, account: server.account }} t={t} />}
          {section.refused > 0 && <p class="hint">{plural(t, 'popupRefused', section.refused)}</p>}
          <SectionTokens {...props} />
          <button type="button" class="link" onClick={() => actions.openTokenPage(server.id)}>
            {t('popupOpenTokenPage', name)}
          </button>
        </div>
      )}
    </section>
  );
}

function SectionHeader({ section, actions, t }: Props) {
  const { server, collapsed } = section;
  const id = encodeURIComponent(server.id);
  const name = serverName(server);
  const host = displayHost(server);
  const blockedBy = blockedReason(section.failure, t);
  return (
    <header>
      <button
        type="button"
        class="toggle"
        aria-expanded={!collapsed}
        aria-controls={`tokens-${id}`}
        title={`${name} (${host})`}
        onClick={() => actions.toggle(server.id)}
      >
        <span class="chevron" aria-hidden="true">
          {collapsed ? '▸' : '▾'}
        </span>
        <span class="site">{name}</span>
        <span class="host">{host}</span>
        {collapsed && (
          <span class="count">{plural(t, 'popupTokenCount', section.yours.length + section.others)}</span>
        )}
      </button>
      <button
        type="button"
        class="primary"
        disabled={section.busy || blockedBy !== null}
        title={blockedBy ?? t('popupCreateHint')}
        aria-describedby={blockedBy ? `state-${id}` : undefined}
        onClick={() => void actions.create(server.id)}
        aria-label={t('popupCreateLabel', name, host)}
      >
        {t('popupCreate')}
      </button>
      <button
        type="button"
        class="icon"
        onClick={() => void actions.refresh(server.id)}
        aria-label={t('popupRefreshLabel', name)}
        title={t('popupRefreshLabel', name)}
      >
        ↻
      </button>
    </header>
  );
}

/** The user's tokens, then the others behind their count; a filter once the list is long. */
function SectionTokens({ section, now, defaultFormat, actions, t }: Props) {
  const { server } = section;
  const id = encodeURIComponent(server.id);
  const blockedBy = blockedReason(section.failure, t);
  const total = section.yours.length + section.others;
  const list = (tokens: TokenMeta[]) => (
    <ul class="tokens">
      {tokens.map((token) => (
        <TokenRow
          key={token.id}
          serverId={server.id}
          token={token}
          serverNow={now + server.clockOffsetMs}
          clockOffsetMs={server.clockOffsetMs}
          lifetimeMs={server.tokenLifetimeMs}
          defaultFormat={defaultFormat}
          blockedBy={blockedBy}
          actions={actions}
          t={t}
        />
      ))}
    </ul>
  );
  const others = section.otherTokens ? matching(section.otherTokens, section.filter) : [];
  const othersOpen = section.showOthers || section.filter.trim() !== '';
  return (
    <>
      {total > FILTER_FROM && (
        <input
          type="search"
          class="filter"
          value={section.filter}
          placeholder={t('popupFilterPlaceholder')}
          aria-label={t('popupFilterLabel', serverName(server))}
          onInput={(e) => void actions.setFilter(server.id, (e.target as HTMLInputElement).value)}
        />
      )}
      {!section.failure && !section.loading && total === 0 && <p class="empty">{t('popupEmpty')}</p>}
      {section.yours.length === 0 && section.others > 0 && !section.filter && (
        <p class="hint">{t('popupNoneYours')}</p>
      )}
      {list(matching(section.yours, section.filter))}
      {section.others > 0 && (
        <button
          type="button"
          class="others"
          aria-expanded={othersOpen}
          aria-controls={`others-${id}`}
          onClick={() => void actions.toggleOthers(server.id)}
        >
          <span aria-hidden="true">{othersOpen ? '▾' : '▸'}</span> {plural(t, 'popupOthers', section.others)}
        </button>
      )}
      {othersOpen && (
        <div id={`others-${id}`}>
          <Leftovers section={section} actions={actions} t={t} />
          {list(others)}
        </div>
      )}
    </>
  );
}

/** "Delete 12 leftover tokens": those whose container has finished, after a question with the count. */
function Leftovers({ section, actions, t }: Pick<Props, 'section' | 'actions' | 't'>) {
  const [asking, setAsking] = useState(false);
  const yes = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => {
    if (asking) yes.current?.focus();
  }, [asking]);
  const count = (section.otherTokens ?? []).filter(isLeftover).length;
  if (count === 0) return null;
  const serverId = section.server.id;
  return asking ? (
    <div
      class="confirm"
      role="alertdialog"
      aria-label={plural(t, 'popupLeftovers', count)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') setAsking(false);
      }}
    >
      <p>
        <strong>{plural(t, 'popupLeftoversQuestion', count)}</strong> {t('popupDeleteWarning')}
      </p>
      <button
        type="button"
        class="danger"
        ref={yes}
        onClick={() => {
          setAsking(false);
          void actions.deleteLeftovers(serverId);
        }}
      >
        {t('popupLeftoversYes')}
      </button>
      <button type="button" onClick={() => setAsking(false)}>
        {t('popupCancel')}
      </button>
    </div>
  ) : (
    <button type="button" class="danger leftovers" disabled={section.busy} onClick={() => setAsking(true)}>
      {plural(t, 'popupLeftovers', count)}
    </button>
  );
}

/**
 * Whose tokens these are (with more than one account here, that the others' are kept), and how long
 * tokens live on this site.
 */
function AccountLine({ server, t }: { server: Server & { account: string }; t: Strings }) {
  const { account } = server;
  const others = (server.accounts ?? []).filter((a) => a !== account);
  const whose = others.length
    ? t('popupAccountOthers', account, others.join(', '))
    : t('popupAccount', account);
  const lifetime = server.tokenLifetimeMs
    ? ` ${t('popupLifetime', timeLeftText(server.tokenLifetimeMs, t))}`
    : '';
  return <p class="account">{whose + lifetime}</p>;
}
