import { serverTitle } from '../xnat/names';
import type { OptionsViewProps } from './controller';
import { PrivacyLink } from './privacy-link';
import { AddServerForm } from './servers-fieldset';

/**
 * The settings page in its welcome state, opened once on install: what alias tokens are, adding the
 * user's XNAT (same field and rules as the settings), then the way to its token page.
 */
export function WelcomeApp({ state, actions, t }: OptionsViewProps) {
  if (!state.loaded) return <main aria-busy="true" />;
  return (
    <main class="welcome">
      <h1>{t('welcomeTitle')}</h1>
      <p>{t('aliasTokenExplained')}</p>
      <p>{t('welcomeWhat')}</p>
      <section aria-labelledby="welcome-add">
        <h2 id="welcome-add">{t('welcomeAddTitle')}</h2>
        <AddServerForm state={state} actions={actions} t={t} label={t('welcomeAddLabel')} />
      </section>
      {state.servers.length > 0 && (
        <section aria-labelledby="welcome-next">
          <h2 id="welcome-next">{t('welcomeNextTitle')}</h2>
          <p>{t('welcomeNext')}</p>
          <ul class="servers">
            {state.servers.map((server) => (
              <li key={server.id}>
                <button type="button" class="primary" onClick={() => actions.openTokenPage(server.id)}>
                  {t('welcomeOpenTokenPage', serverTitle(server))}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="welcome-pin">
        <h2 id="welcome-pin">{t('welcomePinTitle')}</h2>
        <p>{t('welcomePin')}</p>
      </section>
      <p>
        <a href="index.html">{t('welcomeSettings')}</a> {t('welcomeSettingsHint')}
      </p>
      <PrivacyLink t={t} />
    </main>
  );
}
