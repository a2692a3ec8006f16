// The name, button word and one-line hint of every command format, from messages.json.
import type { SnippetFormat } from '../snippets/format-names';
import type { MessageKey, Strings } from './strings';

type Keys = [label: MessageKey, short: MessageKey, hint: MessageKey, copied: MessageKey];

const KEYS: Record<SnippetFormat, Keys> = {
  curl: ['formatCurl', 'formatCurlShort', 'formatCurlHint', 'formatCurlCopied'],
  'curl-session': [
    'formatCurlSession',
    'formatCurlSessionShort',
    'formatCurlSessionHint',
    'formatCurlSessionCopied',
  ],
  netrc: ['formatNetrc', 'formatNetrcShort', 'formatNetrcHint', 'formatNetrcCopied'],
  renewing: ['formatRenewing', 'formatRenewingShort', 'formatRenewingHint', 'formatRenewingCopied'],
  env: ['formatEnv', 'formatEnvShort', 'formatEnvHint', 'formatEnvCopied'],
  powershell: ['formatPowershell', 'formatPowershellShort', 'formatPowershellHint', 'formatPowershellCopied'],
  cmd: ['formatCmd', 'formatCmdShort', 'formatCmdHint', 'formatCmdCopied'],
  xnatpy: ['formatXnatpy', 'formatXnatpyShort', 'formatXnatpyHint', 'formatPythonCopied'],
  pyxnat: ['formatPyxnat', 'formatPyxnatShort', 'formatPyxnatHint', 'formatPythonCopied'],
  redacted: ['formatRedacted', 'formatRedactedShort', 'formatRedactedHint', 'formatRedactedCopied'],
  alias: ['formatAlias', 'formatAliasShort', 'formatAliasHint', 'formatAliasCopied'],
  secret: ['formatSecret', 'formatSecretShort', 'formatSecretHint', 'formatSecretCopied'],
};

export interface FormatWords {
  label: string;
  /** For a button: "Copy as …". */
  short: string;
  hint: string;
  /** The confirmation: what was copied for which token, and what to do with it. */
  copied(tokenName: string): string;
}

export function formatWords(format: SnippetFormat, t: Strings): FormatWords {
  const [label, short, hint, copied] = KEYS[format];
  return { label: t(label), short: t(short), hint: t(hint), copied: (name) => t(copied, name) };
}

/** "Copied a curl command for nightly-sync: paste it into a terminal. XNAT account: alice." */
export function copiedText(receipt: { format: SnippetFormat; account: string }, name: string, t: Strings) {
  return `${formatWords(receipt.format, t).copied(name)} ${t('copiedAccount', receipt.account)}`;
}
