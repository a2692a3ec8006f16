// @vitest-environment node
// Pasting a copied command whole into an interactive bash, as a person does: it runs only what it
// means to run (no "command not found", no syntax error), and no secret lands in the shell's history.
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildSnippet } from '../../src/snippets/build';
import type { SnippetFormat } from '../../src/snippets/format-names';

const run = promisify(execFile);
const ALIAS = '61e4f5db-33e0-4f06-86e7-a59217d65f5c';
const SECRET = 'ogHnbC7559jczcWz0Y1jDhHlUpy4AxI8EW6EjYAdArItPGf7FLXJP1OYam68MNQa';
let home: string;

beforeEach(() => {
  home = mkdtempSync(path.join(tmpdir(), 'xtt-paste-'));
  // A curl that only records what it was asked (one line per call), and prints a session id.
  writeFileSync(
    path.join(home, 'curl'),
    '#!/bin/sh\nprintf "%s " "$@" >> "$HOME/curl-calls"; echo >> "$HOME/curl-calls"; echo FAKESESSION\n',
  );
  chmodSync(path.join(home, 'curl'), 0o755);
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

function text(format: SnippetFormat): string {
  const created = Date.UTC(2026, 11, 4);
  const built = buildSnippet(format, {
    server: { origin: 'https://xnat.example.org', contextPath: '/xnat' },
    alias: ALIAS,
    secret: SECRET,
    created,
    expiry: created + 2 * 86_400_000,
  });
  if (!built.ok) throw new Error(built.failure.kind);
  return built.value.text;
}

/** An interactive bash with its history on, as on Debian and Ubuntu (HISTCONTROL=ignoreboth). */
async function paste(snippet: string) {
  const histfile = path.join(home, '.bash_history');
  const child = run('bash', ['--norc', '-i'], {
    env: { HOME: home, PATH: `${home}:/usr/bin:/bin`, HISTFILE: histfile, HISTCONTROL: 'ignoreboth' },
  });
  child.child.stdin?.end(`${snippet}\nexit\n`);
  const { stderr } = await child;
  const read = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : '');
  return {
    stderr,
    history: read(histfile),
    curlCalls: read(path.join(home, 'curl-calls')).trim().split('\n'),
  };
}

describe.each(['curl', 'curl-session', 'netrc', 'env'] as const)('pasting %s into bash', (format) => {
  it('runs only what it means to and keeps the secret out of history', async () => {
    const { stderr, history, curlCalls } = await paste(text(format));
    expect(stderr).not.toMatch(/command not found|syntax error|No such file/);
    expect(history).not.toContain(SECRET);
    expect(history.trim().split('\n').pop()).toBe('exit');
    const url = 'https://xnat.example.org/xnat/data/projects?format=csv';
    expect(curlCalls.at(-1 - Number(format === 'curl-session'))).toContain(
      format === 'curl-session' ? 'FAKESESSION' : url,
    );
  });
});

describe('pasting netrc', () => {
  it('leaves a ~/.netrc only its owner can read, holding the token', async () => {
    await paste(text('netrc'));
    const file = path.join(home, '.netrc');
    expect(readFileSync(file, 'utf8')).toBe(`machine xnat.example.org login ${ALIAS} password ${SECRET}\n`);
    const { stdout } = await run('stat', ['-c', '%a', file]);
    expect(stdout.trim()).toBe('600');
  });
});

describe('pasting the renewing .netrc', () => {
  it('installs xnat-renew and the token, runs nothing else, says one line, and keeps the secret out of history', async () => {
    const { stderr, history, curlCalls } = await paste(text('renewing'));
    expect(stderr).not.toMatch(/command not found|syntax error|No such file|event not found/);
    expect(history).not.toContain(SECRET);
    expect(history.trim().split('\n').pop()).toBe('exit');
    // Writing the program runs none of it: no curl call at all.
    expect(curlCalls).toEqual(['']);
    expect(readFileSync(path.join(home, '.netrc'), 'utf8')).toBe(
      `machine xnat.example.org login ${ALIAS} password ${SECRET}\n`,
    );
    const installed = readFileSync(path.join(home, '.local/bin/xnat-renew'), 'utf8');
    expect(installed.startsWith('#!/usr/bin/env bash\n')).toBe(true);
    expect(installed).not.toContain(SECRET);
    const servers = readFileSync(path.join(home, '.config/xnat-renew/servers'), 'utf8');
    expect(servers).toMatch(
      /^xnat\.example\.org https:\/\/xnat\.example\.org\/xnat [0-9a-f-]{36} \d+ \d+ -\n$/,
    );
    expect(servers).not.toContain(SECRET);
  });
});
