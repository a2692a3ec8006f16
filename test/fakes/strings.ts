// The real words from a locale's messages.json, filled in as browser.i18n.getMessage would.
import de from '../../public/_locales/de/messages.json';
import en from '../../public/_locales/en/messages.json';
import { fillMessage, type MessageKey, type Strings } from '../../src/i18n/strings';

export function stringsFor(locale: 'en' | 'de'): Strings {
  const messages: Record<string, { message: string }> = locale === 'de' ? de : en;
  return Object.assign(
    (key: MessageKey, ...substitutions: string[]) => {
      const entry = messages[key];
      if (!entry) throw new Error(`No message ${key} in ${locale}`);
      return fillMessage(entry.message, substitutions);
    },
    { locale },
  );
}

export const t = stringsFor('en');
