import type { OptionsViewProps } from './controller';
import { PrivacyLink } from './privacy-link';
import { ServersFieldset } from './servers-fieldset';
import { SettingsFieldsets } from './settings-fieldsets';

/** The settings page as a function of its state and actions. */
export function OptionsApp({ state, actions, t }: OptionsViewProps) {
  if (!state.loaded) return <main aria-busy="true" />;
  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
      <p class="hint">{t('aliasTokenExplained')}</p>
      <ServersFieldset state={state} actions={actions} t={t} />
      {state.settings && (
        <SettingsFieldsets settings={state.settings} state={state} actions={actions} t={t} />
      )}
      <PrivacyLink t={t} />
    </main>
  );
}
