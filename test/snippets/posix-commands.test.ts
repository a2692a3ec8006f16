// @vitest-environment node
// Property: every POSIX command splits back, by real bash, into exactly the intended curl argv.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSnippet } from '../../src/snippets/build';
import type { SnippetFormat } from '../../src/snippets/formats';
import type { SnippetRequest } from '../../src/snippets/input';
import { baseUrl } from '../../src/xnat/server-identity';
import { request } from './arbitraries';
import { curlCallsInBash, FAKE_SESSION } from './shell';

const RUNS = 60;

function textOf(format: SnippetFormat, r: SnippetRequest): string {
  const built = buildSnippet(format, r);
  if (!built.ok) throw new Error(`${format} refused ${JSON.stringify(r)}: ${built.failure.kind}`);
  return built.value.text;
}

const samples = () => fc.sample(request, { numRuns: RUNS, seed: Number(process.env.FC_SEED ?? 20261127) });

describe('POSIX snippets, split by real bash', () => {
  it('curl: -u alias:secret and the URL, nothing else', async () => {
    const inputs = samples();
    const calls = await curlCallsInBash(inputs.map((r) => textOf('curl', r)));
    inputs.forEach((r, i) => {
      expect(calls[i]).toEqual([['-u', `${r.alias}:${r.secret}`, baseUrl(r.server) + r.requestPath]]);
    });
  });

  it('session script: log in once, one call with the cookie, log out', async () => {
    const inputs = samples();
    const calls = await curlCallsInBash(inputs.map((r) => textOf('curl-session', r)));
    inputs.forEach((r, i) => {
      const base = baseUrl(r.server);
      expect(calls[i]).toEqual([
        ['-sSf', '-u', `${r.alias}:${r.secret}`, '-X', 'POST', `${base}/data/JSESSION`],
        ['-sSf', '-b', `JSESSIONID=${FAKE_SESSION}`, base + r.requestPath],
        [
          '-sS',
          '-o',
          '/dev/null',
          '-b',
          `JSESSIONID=${FAKE_SESSION}`,
          '-X',
          'DELETE',
          `${base}/data/JSESSION`,
        ],
      ]);
    });
  });

  it('env: the variables carry the token and curl gets the same argv', async () => {
    const inputs = samples();
    const calls = await curlCallsInBash(
      inputs.map((r) => `${textOf('env', r)}\ncurl "$XNAT_HOST" "$XNAT_USER" "$XNAT_PASS"`),
    );
    inputs.forEach((r, i) => {
      const base = baseUrl(r.server);
      expect(calls[i]).toEqual([
        ['-u', `${r.alias}:${r.secret}`, base + r.requestPath],
        [base, r.alias, r.secret],
      ]);
    });
  });

  it('netrc: a machine line curl can read, and a command without the secret', async () => {
    const inputs = samples();
    const texts = inputs.map((r) => textOf('netrc', r));
    const commands = texts.map((t) =>
      t
        .split('\n')
        .filter((line) => line.startsWith('curl '))
        .join('\n'),
    );
    const calls = await curlCallsInBash(commands);
    inputs.forEach((r, i) => {
      expect(calls[i]).toEqual([['--netrc', baseUrl(r.server) + r.requestPath]]);
      // The command does not depend on the secret at all.
      const other = textOf('netrc', { ...r, secret: 'x' })
        .split('\n')
        .filter((line) => line.startsWith('curl '));
      expect(commands[i]).toBe(other.join('\n'));
      const machine = texts[i]?.split('\n').find((line) => line.startsWith('machine '));
      expect(machine?.split(/\s+/)).toEqual([
        'machine',
        new URL(r.server.origin).hostname,
        'login',
        r.alias,
        'password',
        r.secret,
      ]);
    });
  });

  it('redacted: shows the alias and reads the secret from $XNAT_PASS', async () => {
    const inputs = samples();
    const texts = inputs.map((r) => textOf('redacted', r));
    const calls = await curlCallsInBash(texts, { XNAT_PASS: 'fromTheEnvironment' });
    inputs.forEach((r, i) => {
      expect(texts[i]).toBe(textOf('redacted', { ...r, secret: 'x' }));
      expect(calls[i]).toEqual([['-u', `${r.alias}:fromTheEnvironment`, baseUrl(r.server) + r.requestPath]]);
    });
  });
});
