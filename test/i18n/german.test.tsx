// The German locale in use: countdowns, plural forms and a page, as a German-speaking user sees them.
import { describe, expect, it } from 'vitest';
import { countdownText } from '../../src/expiry/countdown';
import { formatWords } from '../../src/i18n/formats';
import { plural } from '../../src/i18n/strings';
import { WelcomeApp } from '../../src/options/welcome-app';
import { stringsFor } from '../fakes/strings';
import { mountView } from '../options/render';

const de = stringsFor('de');
const HOUR = 3_600_000;

describe('in German', () => {
  it('counts down and says expiry in German words', () => {
    expect(countdownText(26 * HOUR, 0, de)).toBe('läuft in 1 T 2 h ab');
    expect(countdownText(-1, 0, de)).toBe('abgelaufen; XNAT entfernt ihn innerhalb einer Stunde');
  });

  it('picks the plural form by German rules', () => {
    expect(plural(de, 'popupTokenCount', 1)).toBe('1 Token');
    expect(plural(de, 'popupTokenCount', 3)).toBe('3 Tokens');
    expect(plural(de, 'notificationExpiredTitle', 2, 'CNDA')).toBe('2 Tokens auf CNDA sind abgelaufen');
  });

  it('names the copy formats and says what was copied for which token', () => {
    const curl = formatWords('curl', de);
    expect(de('pageCopyAs', curl.short)).toBe('Als curl kopieren');
    expect(curl.copied('nightly-sync')).toBe(
      'curl-Befehl für nightly-sync kopiert: Fügen Sie ihn in ein Terminal ein.',
    );
  });

  it('renders the welcome page', async () => {
    const { root } = await mountView(WelcomeApp, {}, de);
    expect(root.querySelector('h1')?.textContent).toBe('Willkommen bei XNAT Token Tools');
    expect(root.querySelector('button[type=submit]')?.textContent).toBe('Server hinzufügen');
  });
});
