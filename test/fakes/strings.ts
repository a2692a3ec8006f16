// The real English strings, filled in as browser.i18n.getMessage would.
import messages from '../../public/_locales/en/messages.json';
import type { Strings } from '../../src/platform/i18n';

export const t: Strings = (key, ...substitutions) =>
  messages[key].message.replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
