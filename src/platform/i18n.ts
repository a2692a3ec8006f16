// Strings from _locales/<lang>/messages.json; `$1`… are filled from `substitutions`.
import type messages from '../../public/_locales/en/messages.json';
import browser from './browser';

export type MessageKey = keyof typeof messages;

export function t(key: MessageKey, ...substitutions: string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}
