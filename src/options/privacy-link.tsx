import type { Strings } from '../i18n/strings';

/** The privacy policy the extension ships (privacy.html, built from the repository's PRIVACY.md). */
export function PrivacyLink({ t }: { t: Strings }) {
  return (
    <p class="hint">
      <a href="/privacy.html" target="_blank" rel="noopener">
        {t('privacyLink')}
      </a>{' '}
      {t('privacyLinkHint')}
    </p>
  );
}
