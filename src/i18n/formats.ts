// The name, button word and one-line hint of every command format, from messages.json.
import type { SnippetFormat } from '../snippets/formats';
import type { MessageKey, Strings } from './strings';

const KEYS: Record<SnippetFormat, [label: MessageKey, short: MessageKey, hint: MessageKey]> = {
  curl: ['formatCurl', 'formatCurlShort', 'formatCurlHint'],
  'curl-session': ['formatCurlSession', 'formatCurlSessionShort', 'formatCurlSessionHint'],
  netrc: ['formatNetrc', 'formatNetrcShort', 'formatNetrcHint'],
  env: ['formatEnv', 'formatEnvShort', 'formatEnvHint'],
  powershell: ['formatPowershell', 'formatPowershellShort', 'formatPowershellHint'],
  cmd: ['formatCmd', 'formatCmdShort', 'formatCmdHint'],
  xnatpy: ['formatXnatpy', 'formatXnatpyShort', 'formatXnatpyHint'],
  pyxnat: ['formatPyxnat', 'formatPyxnatShort', 'formatPyxnatHint'],
  redacted: ['formatRedacted', 'formatRedactedShort', 'formatRedactedHint'],
};

export interface FormatWords {
  label: string;
  /** For a button: "Copy as …". */
  short: string;
  hint: string;
}

export function formatWords(format: SnippetFormat, t: Strings): FormatWords {
  const [label, short, hint] = KEYS[format];
  return { label: t(label), short: t(short), hint: t(hint) };
}
