// @vitest-environment node
// The copied commands, run for real with bash and curl against the simulated XNAT.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildSnippet } from '../../src/snippets/build';
import type { SnippetFormat } from '../../src/snippets/format-names';
import { PROJECT_IDS, projectIdsIn, runBash } from '../fakes/copied-command';
import { type RunningXnat, start } from '../xnat-server/server';
import type { StoredToken } from '../xnat-server/state';

let xnat: RunningXnat;
let token: StoredToken;
let home: string;

beforeAll(async () => {
  xnat = await start({ contextPath: '/xnat' });
});
afterAll(async () => {
  await xnat.stop();
});
beforeEach(() => {
  token = xnat.control.seedToken();
  xnat.control.resetCounters();
  home = mkdtempSync(path.join(tmpdir(), 'xtt-home-'));
});
afterEach(() => {
  rmSync(home, { recursive: true, force: true });
});

function snippet(format: SnippetFormat, requestPath?: string): string {
  const built = buildSnippet(format, {
    server: { origin: xnat.origin, contextPath: xnat.contextPath },
    alias: token.alias,
    secret: token.secret,
    requestPath,
  });
  if (!built.ok) throw new Error(built.failure.kind);
  return built.value.text;
}

const bash = (script: string) => runBash(script, { HOME: home });

describe('run against XNAT', () => {
  it('curl one-shot returns the projects and opens a session every time it runs', async () => {
    for (let i = 0; i < 3; i++) {
      const { stdout } = await bash(snippet('curl'));
      expect(projectIdsIn(stdout)).toEqual(PROJECT_IDS);
    }
    expect(xnat.control.sessionsCreated()).toBe(3);
  });

  it('the session script opens exactly one session for all its calls and leaves none open', async () => {
    const openBefore = xnat.control.openSessions();
    const script = snippet('curl-session').replace(
      /\n\)$/,
      '\n  curl -sSf -b "JSESSIONID=$jsession" "$xnat/data/projects?format=json" >/dev/null\n)',
    );
    const { stdout, code } = await bash(script);
    expect(code).toBe(0);
    expect(projectIdsIn(stdout)).toEqual(PROJECT_IDS);
    expect(xnat.control.requestCount('GET /data/projects')).toBe(2);
    expect(xnat.control.sessionsCreated()).toBe(1);
    expect(xnat.control.openSessions()).toBe(openBefore);
  });

  it('the session script still closes its session when a call fails', async () => {
    const openBefore = xnat.control.openSessions();
    const { code } = await bash(snippet('curl-session', '/data/no-such-thing'));
    expect(code).not.toBe(0);
    expect(xnat.control.sessionsCreated()).toBe(1);
    expect(xnat.control.requestCount('DELETE /data/JSESSION')).toBe(1);
    expect(xnat.control.openSessions()).toBe(openBefore);
  });

  it('netrc: run whole, it saves the token in ~/.netrc and curl --netrc returns the projects', async () => {
    writeFileSync(path.join(home, '.netrc'), 'machine elsewhere.example.org login bob password pw\n');
    const { stdout } = await bash(snippet('netrc'));
    expect(projectIdsIn(stdout)).toEqual(PROJECT_IDS);
    // Run again later (a new token, same host): still one token entry, and curl still works.
    token = xnat.control.seedToken();
    expect(projectIdsIn((await bash(snippet('netrc'))).stdout)).toEqual(PROJECT_IDS);
    const netrc = readFileSync(path.join(home, '.netrc'), 'utf8');
    expect(netrc.match(/^machine 127\.0\.0\.1 /gm)).toHaveLength(1);
    expect(netrc).toContain('machine elsewhere.example.org login bob password pw');
  });

  it('env: the exported variables work with the curl line', async () => {
    const { stdout } = await bash(snippet('env'));
    expect(projectIdsIn(stdout)).toEqual(PROJECT_IDS);
  });

  it('redacted: works once XNAT_PASS holds the secret', async () => {
    const { stdout } = await bash(`XNAT_PASS='${token.secret}'\n${snippet('redacted')}`);
    expect(projectIdsIn(stdout)).toEqual(PROJECT_IDS);
  });
});
