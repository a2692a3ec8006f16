// @vitest-environment node
// Real curl against the simulated XNAT: the one-shot habit opens a session per call, the
// JSESSION habit XNAT recommends opens none after the first.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROJECTS } from './api-site';
import { type RunningXnat, start } from './server';

const run = promisify(execFile);
let xnat: RunningXnat;
beforeEach(async () => {
  xnat = await start({ contextPath: '/xnat' });
});
afterEach(async () => {
  await xnat.stop();
});

describe('curl with an alias token', () => {
  it('curl -u ALIAS:SECRET returns the projects as CSV and opens one session', async () => {
    const token = xnat.control.seedToken();
    const { stdout } = await run('curl', [
      '-sS',
      '-f',
      '-u',
      `${token.alias}:${token.secret}`,
      `${xnat.url}/data/projects?format=csv`,
    ]);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toBe('ID,secondary_ID,name,description,pi_firstname,pi_lastname,URI');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(PROJECTS.map((p) => p.ID));
    expect(xnat.control.sessionsCreated('basic-token')).toBe(1);
  });

  it('with -b JSESSIONID=… it opens none', async () => {
    const token = xnat.control.seedToken();
    const { stdout: id } = await run('curl', [
      '-sS',
      '-f',
      '-u',
      `${token.alias}:${token.secret}`,
      '-X',
      'POST',
      `${xnat.url}/data/JSESSION`,
    ]);
    xnat.control.resetCounters();
    for (let i = 0; i < 3; i++) {
      const { stdout } = await run('curl', [
        '-sS',
        '-f',
        '-b',
        `JSESSIONID=${id}`,
        `${xnat.url}/data/projects?format=json`,
      ]);
      expect(JSON.parse(stdout).ResultSet.Result).toHaveLength(PROJECTS.length);
    }
    expect(xnat.control.sessionsCreated()).toBe(0);
    await run('curl', ['-sS', '-f', '-b', `JSESSIONID=${id}`, '-X', 'DELETE', `${xnat.url}/data/JSESSION`]);
    expect(xnat.control.openSessions()).toBe(0);
  });

  it('without credentials curl gets 401, not the login page', async () => {
    const { stdout } = await run('curl', [
      '-sS',
      '-o',
      '/dev/null',
      '-w',
      '%{http_code}',
      `${xnat.url}/data/projects`,
    ]);
    expect(stdout).toBe('401');
  });
});
