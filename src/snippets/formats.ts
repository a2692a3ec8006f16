// Every command format the extension can copy. XNAT's advice (wiki, "How to use alias tokens"):
// authenticate once, reuse JSESSIONID, log out. Each POSIX form is paste-safe: pasted whole into bash
// it runs only what it means to, and every line holding a secret starts with a space, which keeps it
// out of history where HISTCONTROL has ignorespace (bash's default on Debian and Ubuntu) or zsh has
// HIST_IGNORE_SPACE; for a multi-line command, bash decides by its first line.

import type { SnippetFormat } from './format-names';
import type { SnippetInput } from './input';
import { cmdQuote, posixQuote, powershellQuote, pythonString } from './quote';
import { renewingNetrc } from './renewer';

type Builder = (input: SnippetInput) => string | null;

const q = posixQuote;

const BUILDERS: Record<SnippetFormat, Builder> = {
  curl: ({ base, alias, secret, requestPath }) =>
    ` curl -u ${q(`${alias}:${secret}`)} ${q(base + requestPath)}`,

  // A subshell, so it behaves the same pasted into a terminal or saved as a script: the EXIT trap
  // ends the XNAT session on success, on error (set -e) and on Ctrl-C. A heartbeat touches the
  // session every 9 minutes (XNAT's idle time-out is 15 by default), so a script that runs for days
  // keeps the session it opened, also after the token itself has expired; it stops with the script,
  // and writes nothing to the script's output (so nothing it leaves could hold a pipe open).
  'curl-session': ({ base, alias, secret, requestPath }) =>
    [
      ' (',
      '  set -euo pipefail',
      `  xnat=${q(base)}`,
      `  jsession=$(curl -sSf -u ${q(`${alias}:${secret}`)} -X POST "$xnat/data/JSESSION")`,
      `  (trap 'kill $s 2>/dev/null; exit' TERM; s=; while :; do sleep "\${XNAT_HEARTBEAT_SECONDS:-540}" & s=$!; wait $s; curl -s -o /dev/null -b "JSESSIONID=$jsession" "$xnat/data/JSESSION"; done) >/dev/null 2>&1 &`,
      `  heartbeat=$!`,
      `  trap 'kill $heartbeat 2>/dev/null; curl -sS -o /dev/null -b "JSESSIONID=$jsession" -X DELETE "$xnat/data/JSESSION"' EXIT`,
      `  trap 'exit 130' INT TERM`,
      '  # Your calls here: every one reuses the session.',
      `  curl -sSf -b "JSESSIONID=$jsession" "$xnat"${q(requestPath)}`,
      ')',
    ].join('\n'),

  // Puts the token first in ~/.netrc (curl uses the first entry for a host), drops earlier alias
  // tokens for that host (never a password entry), and keeps the file private (umask, chmod 600).
  netrc: ({ base, host, alias, secret, requestPath }) => {
    const hostPattern = host.replace(/[.[\]]/g, '\\$&');
    const oldTokens = `^machine ${hostPattern} login [0-9a-fA-F-]{36} `;
    return [
      ` (umask 077; f="$HOME/.netrc"; { printf '%s\\n' ${q(`machine ${host} login ${alias} password ${secret}`)}; grep -vE ${q(oldTokens)} "$f" 2>/dev/null || true; } > "$f.xtt" && mv -f "$f.xtt" "$f" && chmod 600 "$f")`,
      `curl --netrc ${q(base + requestPath)}`,
    ].join('\n');
  },

  renewing: renewingNetrc,

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

  // For tools with a user name and a password field (the Desktop Client, a GUI, a notebook prompt).
  alias: ({ alias }) => alias,
  secret: ({ secret }) => secret,
};

export function buildFormat(format: SnippetFormat, input: SnippetInput): string | null {
  return BUILDERS[format](input);
}
