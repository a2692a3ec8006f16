// @vitest-environment node
// The renewing .netrc, run for real: the copied text pasted into bash, then the xnat-renew it
// installs run by bash with curl and flock against the simulated XNAT, on the server's clock, across
// ten simulated days of a job that calls `curl -n` between renewals.
import { execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildSnippet } from '../../src/snippets/build';
import { type RunningXnat, start } from '../xnat-server/server';
import type { StoredToken } from '../xnat-server/state';

const run = promisify(execFile);
const HOUR = 3600_000;
const DAY = 24 * HOUR;
const OTHER_HOST = 'machine other.example.org login bob password not-a-token\n';

let xnat: RunningXnat;
let home: string;
let env: NodeJS.ProcessEnv;

beforeEach(async () => {
  // The sweep runs when the test says, hourly on the server's clock.
  xnat = await start({ contextPath: '/xnat', sweepIntervalMs: 0 });
  home = mkdtempSync(path.join(tmpdir(), 'xtt-renew-'));
  env = { HOME: home, PATH: '/usr/bin:/bin', LANG: 'C' };
  writeFileSync(path.join(home, '.netrc'), OTHER_HOST, { mode: 0o600 });
});
afterEach(async () => {
  await xnat.stop();
  rmSync(home, { recursive: true, force: true });
});

const netrc = () => readFileSync(path.join(home, '.netrc'), 'utf8');

/** Pastes the renewing text for this token into bash, as a person would. */
async function setUp(token: StoredToken): Promise<string> {
  const built = buildSnippet('renewing', {
    server: { origin: xnat.origin, contextPath: xnat.contextPath },
    alias: token.alias,
    secret: token.secret,
    created: token.created,
    expiry: token.estimatedExpirationTime,
  });
  if (!built.ok) throw new Error(built.failure.kind);
  const { stdout } = await run('bash', ['-c', built.value.text], { env });
  return stdout;
}

async function renew(...args: string[]) {
  try {
    const { stdout, stderr } = await run(path.join(home, '.local/bin/xnat-renew'), args, { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** Two xnat-renew runs started together; their exit codes. */
function twoAtOnce(withEnv: NodeJS.ProcessEnv): Promise<number>[] {
  const bin = path.join(home, '.local/bin/xnat-renew');
  return [0, 1].map(
    () =>
      new Promise<number>((resolve) => {
        spawn(bin, [], { env: withEnv, stdio: 'ignore' }).on('exit', (code) => resolve(code ?? -1));
      }),
  );
}

/** One call of the job: curl reading ~/.netrc, as `curl -n` in a script does. */
async function jobCall(): Promise<string> {
  const { stdout } = await run(
    'curl',
    ['-sS', '-n', '-o', '/dev/null', '-w', '%{http_code}', `${xnat.url}/data/projects?format=csv`],
    { env },
  );
  return stdout;
}

function passHours(hours: number) {
  for (let h = 0; h < hours; h++) {
    xnat.control.advanceClock(HOUR);
    xnat.control.sweep();
  }
}

const aliveOfAlice = () => xnat.control.state.tokensOf('alice').map((t) => t.alias);

describe('the copied text', () => {
  it('puts the token first in a private ~/.netrc, keeps other hosts, installs xnat-renew and says what next', async () => {
    const token = xnat.control.seedToken();
    const said = await setUp(token);
    expect(netrc()).toBe(`machine 127.0.0.1 login ${token.alias} password ${token.secret}\n${OTHER_HOST}`);
    expect(statSync(path.join(home, '.netrc')).mode & 0o777).toBe(0o600);
    expect(statSync(path.join(home, '.local/bin/xnat-renew')).mode & 0o777).toBe(0o755);
    expect(said.trim().split('\n')).toHaveLength(1);
    expect(said).toMatch(/xnat-renew from cron .* curl -n, xnatpy and Python requests read ~\/\.netrc/);
    expect(await jobCall()).toBe('200');
  });
});

describe('xnat-renew', () => {
  it('keeps a job working for ten days: never a 401, at most two tokens, no session left, other entries kept', async () => {
    const first = xnat.control.seedToken();
    await setUp(first);
    const issued = new Set<string>([first.alias]);
    let renewals = 0;
    let requestsWhenRenewing = 0;
    let requestsWhenIdle = 0;
    let idleRuns = 0;
    for (let hour = 1; hour <= 10 * 24; hour++) {
      passHours(1);
      xnat.control.resetCounters();
      const before = netrc();
      const result = await renew();
      expect(result).toMatchObject({ code: 0, stdout: '' });
      expect(xnat.control.openSessions()).toBe(0);
      const requests = xnat.control.requestCount();
      if (netrc() !== before) {
        renewals += 1;
        requestsWhenRenewing = Math.max(requestsWhenRenewing, requests);
        expect(xnat.control.sessionsCreated()).toBe(1);
      } else {
        idleRuns += 1;
        requestsWhenIdle = Math.max(requestsWhenIdle, requests);
        expect(xnat.control.sessionsCreated()).toBe(0);
      }
      for (const alias of aliveOfAlice()) issued.add(alias);
      expect(aliveOfAlice().length).toBeLessThanOrEqual(2);
      expect(await jobCall()).toBe('200');
    }
    // Renewed at half of the 2-day lifetime: about once a day.
    expect(renewals).toBeGreaterThanOrEqual(9);
    expect(renewals).toBeLessThanOrEqual(11);
    expect(issued.size).toBe(renewals + 1);
    expect(xnat.control.state.findToken(first.alias)).toBeUndefined();
    expect(netrc().endsWith(OTHER_HOST)).toBe(true);
    expect(netrc().split('\n')[0]).toMatch(/^machine 127\.0\.0\.1 login [0-9a-f-]{36} password \w+$/);
    expect(requestsWhenIdle).toBe(1);
    expect(requestsWhenRenewing).toBeLessThanOrEqual(6);
    expect(idleRuns).toBeGreaterThan(200);
  }, 120_000);

  it('on XNAT 1.7.0, whose issue gives no readable expiry, renews on a fixed 12-hour schedule instead of failing', async () => {
    await xnat.stop();
    xnat = await start({ contextPath: '/xnat', sweepIntervalMs: 0, version: '1.7.0' });
    await setUp(xnat.control.seedToken());
    const renewedAt: number[] = [];
    for (let hour = 1; hour <= 40; hour++) {
      passHours(1);
      const before = netrc();
      expect((await renew()).code).toBe(0);
      if (netrc() !== before) renewedAt.push(hour);
      expect(await jobCall()).toBe('200');
    }
    // Half of the first token's 2 days, then every 12 hours from each successor's creation.
    expect(renewedAt).toEqual([24, 36]);
  }, 60_000);

  it('adapts to the site’s lifetime: a 6-hour site renews every 3 hours', async () => {
    xnat.control.setTokenLifetime(6 * HOUR);
    await setUp(xnat.control.seedToken());
    let renewals = 0;
    for (let hour = 1; hour <= 24; hour++) {
      passHours(1);
      const before = netrc();
      expect((await renew()).code).toBe(0);
      if (netrc() !== before) renewals += 1;
      expect(await jobCall()).toBe('200');
    }
    expect(renewals).toBe(8);
  }, 60_000);

  it('uses the server’s clock, not the machine’s: three days apart, it renews at half the token’s life', async () => {
    // XNAT's clock is three days behind this machine's: by the machine, the token is long expired.
    xnat.control.advanceClock(-3 * DAY);
    await setUp(xnat.control.seedToken());
    passHours(1);
    expect(await renew()).toMatchObject({ code: 0, stdout: '' });
    expect(xnat.control.requestCount('GET /data/services/tokens/issue')).toBe(0);
    passHours(23);
    expect((await renew()).code).toBe(0);
    expect(xnat.control.requestCount('GET /data/services/tokens/issue')).toBe(1);
  });

  it('two runs started together issue one successor between them, and ~/.netrc is whole throughout', async () => {
    await setUp(xnat.control.seedToken());
    passHours(25);
    xnat.control.resetCounters();
    const both = twoAtOnce(env);
    // Read ~/.netrc while they run: it is always a whole file that holds a token for the host.
    let reads = 0;
    let done = false;
    const watcher = (async () => {
      while (!done) {
        expect(netrc()).toMatch(/^machine 127\.0\.0\.1 login [0-9a-f-]{36} password \w+\n/);
        reads += 1;
        await new Promise((r) => setTimeout(r, 2));
      }
    })();
    expect(await Promise.all(both)).toEqual([0, 0]);
    done = true;
    await watcher;
    expect(reads).toBeGreaterThan(0);
    expect(xnat.control.requestCount('GET /data/services/tokens/issue')).toBe(1);
  });

  it('without flock (a lock directory instead) two runs still issue one successor', async () => {
    await setUp(xnat.control.seedToken());
    passHours(25);
    xnat.control.resetCounters();
    const bin = path.join(home, 'bin-without-flock');
    mkdirSync(bin);
    for (const tool of [
      'bash',
      'curl',
      'date',
      'sed',
      'grep',
      'head',
      'tr',
      'mktemp',
      'mv',
      'rm',
      'chmod',
      'mkdir',
      'rmdir',
      'sleep',
      'env',
    ])
      symlinkSync(`/usr/bin/${tool}`, path.join(bin, tool));
    const noFlock = { ...env, PATH: bin };
    const both = twoAtOnce(noFlock);
    expect(await Promise.all(both)).toEqual([0, 0]);
    expect(xnat.control.requestCount('GET /data/services/tokens/issue')).toBe(1);
  });

  it('a token already gone: one line naming the host, non-zero, ~/.netrc byte for byte as it was', async () => {
    const token = xnat.control.seedToken();
    await setUp(token);
    xnat.control.state.tokens.delete(token.id);
    passHours(25);
    const before = readFileSync(path.join(home, '.netrc'));
    const result = await renew();
    expect(result.code).not.toBe(0);
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^xnat-renew: 127\.0\.0\.1: the token in .*\.netrc has expired or was deleted; make a new one in the browser/,
      ),
    ]);
    expect(readFileSync(path.join(home, '.netrc')).equals(before)).toBe(true);
  });

  it('XNAT unreachable or answering with an error page: non-zero, a clear line, nothing changed', async () => {
    await setUp(xnat.control.seedToken());
    passHours(25);
    const before = netrc();
    xnat.control.fault('/data/services/tokens/issue', { status: 500 });
    const failing = await renew();
    expect(failing.code).not.toBe(0);
    expect(failing.stderr).toMatch(
      /^xnat-renew: 127\.0\.0\.1: XNAT did not issue a new token; nothing changed\.\n$/,
    );
    expect(netrc()).toBe(before);
    xnat.control.clearFaults();
    await xnat.stop();
    const gone = await renew();
    expect(gone.stderr).toMatch(
      /^xnat-renew: 127\.0\.0\.1: could not reach XNAT at http:\/\/127\.0\.0\.1:\d+\/xnat; nothing changed\.\n$/,
    );
    expect(netrc()).toBe(before);
    xnat = await start({ contextPath: '/xnat', sweepIntervalMs: 0 });
  });

  it('with a host or URL renews that one only, and says so for one it does not manage', async () => {
    await setUp(xnat.control.seedToken());
    passHours(25);
    expect((await renew('other.example.org')).stderr).toMatch(/other\.example\.org: not set up for renewal/);
    expect(xnat.control.requestCount('GET /data/services/tokens/issue')).toBe(0);
    expect((await renew(`${xnat.url}/app/template/Index.vm`)).code).toBe(0);
    expect(xnat.control.requestCount('GET /data/services/tokens/issue')).toBe(1);
  });
});
