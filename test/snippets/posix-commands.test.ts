// @vitest-environment node
// Property: every POSIX command splits back, by real bash, into exactly the intended curl argv.

import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSnippet } from '../../src/snippets/build';
import type { SnippetFormat } from '../../src/snippets/format-names';
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

  it('netrc: puts the machine line first in a private ~/.netrc, and calls curl without the secret', async () => {
    const inputs = samples();
    const netrcs: { text: string; mode: number }[] = [];
    const calls = await curlCallsInBash(
      inputs.map(
        (r) =>
          `rm -f "$HOME/.netrc"\n${textOf('netrc', r)}\ncp -p "$HOME/.netrc" "$HOME/netrc.${inputs.indexOf(r)}"`,
      ),
      {},
      (home) => {
        inputs.forEach((_, i) => {
          const file = path.join(home, `netrc.${i}`);
          netrcs.push({ text: readFileSync(file, 'utf8'), mode: statSync(file).mode & 0o777 });
        });
      },
    );
    inputs.forEach((r, i) => {
      expect(calls[i]).toEqual([['--netrc', baseUrl(r.server) + r.requestPath]]);
      expect(netrcs[i]).toEqual({
        text: `machine ${new URL(r.server.origin).hostname} login ${r.alias} password ${r.secret}\n`,
        mode: 0o600,
      });
      // The curl line does not depend on the secret at all.
      const curlLine = (text: string) => text.split('\n').find((line) => line.startsWith('curl '));
      expect(curlLine(textOf('netrc', r))).toBe(curlLine(textOf('netrc', { ...r, secret: 'x' })));
    });
  });

  it('netrc: a newer token for the host replaces older tokens, and leaves other entries alone', async () => {
    const [first, second] = fc.sample(request, { numRuns: 2, seed: 7 }) as [SnippetRequest, SnippetRequest];
    const newer = { ...second, server: first.server };
    const host = new URL(first.server.origin).hostname;
    let netrc = '';
    await curlCallsInBash(
      [
        `printf 'machine %s login alice password pw\\nmachine other.example.org login bob password pw2\\n' ${host} > "$HOME/.netrc"`,
        textOf('netrc', first),
        textOf('netrc', newer),
      ],
      {},
      (home) => {
        netrc = readFileSync(path.join(home, '.netrc'), 'utf8');
      },
    );
    expect(netrc.split('\n')).toEqual([
      `machine ${host} login ${newer.alias} password ${newer.secret}`,
      `machine ${host} login alice password pw`,
      'machine other.example.org login bob password pw2',
      '',
    ]);
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
