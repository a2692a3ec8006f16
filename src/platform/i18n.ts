// The browser's i18n behind the pure Strings type: words from _locales/<lang>/messages.json.
import type { MessageKey, Strings } from '../i18n/strings';
import browser from './browser';

export const t: Strings = Object.assign(
  (key: MessageKey, ...substitutions: string[]) => browser.i18n.getMessage(key, substitutions) || key,
  { locale: browser.i18n.getUILanguage() },
);
