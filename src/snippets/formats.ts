// Every command format the extension can copy, with its label and the hint shown in the copy menu.
// XNAT's advice (wiki, "How to use alias tokens"): authenticate once, reuse JSESSIONID, log out.

import type { SnippetInput } from './input';
import { cmdQuote, posixQuote, powershellQuote, pythonString } from './quote';

export const SNIPPET_FORMATS = [
  'curl',
  'curl-session',
  'netrc',
  'env',
  'powershell',
  'cmd',
  'xnatpy',
  'pyxnat',
  'redacted',
] as const;

export type SnippetFormat = (typeof SNIPPET_FORMATS)[number];

type Builder = (input: SnippetInput) => string | null;

const q = posixQuote;

const BUILDERS: Record<SnippetFormat, Builder> = {
  curl: ({ base, alias, secret, requestPath }) =>
    `curl -u ${q(`${alias}:${secret}`)} ${q(base + requestPath)}`,

  // A subshell, so it behaves the same pasted into a terminal or saved as a script: the EXIT trap
  // ends the XNAT session on success, on error (set -e) and on Ctrl-C.
  'curl-session': ({ base, alias, secret, requestPath }) =>
    [
      '(',
      '  set -euo pipefail',
      `  xnat=${q(base)}`,
      `  jsession=$(curl -sSf -u ${q(`${alias}:${secret}`)} -X POST "$xnat/data/JSESSION")`,
      `  trap 'curl -sS -o /dev/null -b "JSESSIONID=$jsession" -X DELETE "$xnat/data/JSESSION"' EXIT`,
      `  trap 'exit 130' INT TERM`,
      `  curl -sSf -b "JSESSIONID=$jsession" "$xnat"${q(requestPath)}`,
      ')',
    ].join('\n'),

  netrc: ({ base, host, alias, secret, requestPath }) =>
    [
      '# 1. Add this line to ~/.netrc and run chmod 600 ~/.netrc (on Windows: %USERPROFILE%\\_netrc).',
      '#    Replace it when the token expires.',
      `machine ${host} login ${alias} password ${secret}`,
      '# 2. Then call XNAT with no secret on the command line:',
      `curl --netrc ${q(base + requestPath)}`,
    ].join('\n'),

  // The leading space keeps the secret out of history where HISTCONTROL=ignorespace (bash's
  // default on Debian and Ubuntu) or setopt HIST_IGNORE_SPACE (zsh) is on.
  env: ({ base, alias, secret, requestPath }) =>
    [
      ` export XNAT_HOST=${q(base)} XNAT_USER=${q(alias)} XNAT_PASS=${q(secret)}`,
      `curl -u "$XNAT_USER:$XNAT_PASS" "$XNAT_HOST"${q(requestPath)}`,
    ].join('\n'),

  // PowerShell's user agent contains "Mozilla", which XNAT answers with a login redirect and CSRF
  // checks meant for browsers; a script's own agent gets the plain API behaviour.
  powershell: ({ base, alias, secret, requestPath }) => {
    const p = powershellQuote;
    return [
      `$xnat = ${p(base)}`,
      `$auth = @{ Authorization = 'Basic ' + [Convert]::ToBase64String([Text.Encoding]::ASCII.GetBytes(${p(`${alias}:${secret}`)})) }`,
      `Invoke-RestMethod -Method Post -Uri "$xnat/data/JSESSION" -Headers $auth -UserAgent 'PowerShell-XNAT' -SessionVariable xnatSession | Out-Null`,
      'try {',
      `  Invoke-RestMethod -Uri ($xnat + ${p(requestPath)}) -UserAgent 'PowerShell-XNAT' -WebSession $xnatSession`,
      '} finally {',
      `  Invoke-RestMethod -Method Delete -Uri "$xnat/data/JSESSION" -UserAgent 'PowerShell-XNAT' -WebSession $xnatSession | Out-Null`,
      '}',
    ].join('\n');
  },

  cmd: ({ base, alias, secret, requestPath }) => {
    const credentials = cmdQuote(`${alias}:${secret}`);
    const url = cmdQuote(base + requestPath);
    return credentials && url ? `curl.exe -u ${credentials} ${url}` : null;
  },

  xnatpy: ({ base, alias, secret, requestPath }) =>
    [
      'import xnat',
      '',
      '# Authenticates once; leaving the block logs out (ends the XNAT session).',
      `with xnat.connect(${pythonString(base)}, user=${pythonString(alias)}, password=${pythonString(secret)}) as session:`,
      `    print(session.get(${pythonString(requestPath)}).text)`,
    ].join('\n'),

  pyxnat: ({ base, alias, secret, requestPath }) =>
    [
      'from pyxnat import Interface',
      '',
      `central = Interface(server=${pythonString(base)}, user=${pythonString(alias)}, password=${pythonString(secret)})`,
      'try:',
      `    print(central.get(${pythonString(requestPath)}).text)`,
      'finally:',
      '    central.disconnect()  # ends the XNAT session',
    ].join('\n'),

  redacted: ({ base, alias, requestPath }) =>
    `curl -u ${q(`${alias}:`)}"$XNAT_PASS" ${q(base + requestPath)}`,
};

export function buildFormat(format: SnippetFormat, input: SnippetInput): string | null {
  return BUILDERS[format](input);
}
