// Strings from _locales/<lang>/messages.json; `$1`… are filled from `substitutions`.
import type messages from '../../public/_locales/en/messages.json';
import browser from './browser';

export type MessageKey = keyof typeof messages;

/** How UI code gets its words: the real `t` in the extension, the same strings in tests. */
export type Strings = (key: MessageKey, ...substitutions: string[]) => string;

export const t: Strings = (key, ...substitutions) => browser.i18n.getMessage(key, substitutions) || key;
