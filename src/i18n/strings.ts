// Every word the user sees comes from public/_locales/<lang>/messages.json through a `Strings`
// function: the browser's i18n in the extension, the same files in tests. Pure: no browser API.
import type messages from '../../public/_locales/en/messages.json';

export type MessageKey = keyof typeof messages;

/** Keys that come in plural forms, `<key>_one` and `<key>_other` (CLDR categories of en and de). */
export type PluralKey = {
  [K in MessageKey]: K extends `${infer Base}_other` ? Base : never;
}[MessageKey];

export interface Strings {
  (key: MessageKey, ...substitutions: string[]): string;
  /** BCP 47 tag of the words in use, for plural rules, numbers and dates. */
  readonly locale: string;
}

const rules = new Map<string, Intl.PluralRules>();

/** The plural form for `count`; `$1` is the count, further substitutions follow it. */
export function plural(t: Strings, key: PluralKey, count: number, ...substitutions: string[]): string {
  let rule = rules.get(t.locale);
  if (!rule) {
    rule = new Intl.PluralRules(t.locale);
    rules.set(t.locale, rule);
  }
  const form = rule.select(count) === 'one' ? 'one' : 'other';
  return t(`${key}_${form}` as MessageKey, String(count), ...substitutions);
}

/** Fills `$1`…`$9` and reads `$$` as `$`, as browser.i18n.getMessage does (for tests and tools). */
export function fillMessage(message: string, substitutions: string[]): string {
  return message.replace(/\$(\$|\d)/g, (_, n: string) =>
    n === '$' ? '$' : (substitutions[Number(n) - 1] ?? ''),
  );
}
