// What xnat-renew costs XNAT: the copied renewing .netrc run with bash in a scratch HOME, then the
// installed program run with nothing due and with a token past half its lifetime.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { buildSnippet } from '../../src/snippets/build';
import { start } from '../xnat-server/server';
import type { Row } from './stats';

const run = promisify(execFile);
const HOUR = 3600_000;

export async function renewalRows(): Promise<Row[]> {
  const xnat = await start({ contextPath: '/xnat', sweepIntervalMs: 0 });
  const home = mkdtempSync(path.join(tmpdir(), 'xtt-bench-renew-'));
  const env = { HOME: home, PATH: '/usr/bin:/bin' };
  try {
    const token = xnat.control.seedToken();
    const built = buildSnippet('renewing', {
      server: { origin: xnat.origin, contextPath: '/xnat' },
      alias: token.alias,
      secret: token.secret,
      created: token.created,
      expiry: token.estimatedExpirationTime,
    });
    if (!built.ok) throw new Error(built.failure.kind);
    await run('bash', ['-c', built.value.text], { env });
    const renew = async () => {
      xnat.control.resetCounters();
      await run(path.join(home, '.local/bin/xnat-renew'), [], { env });
      return {
        requests: xnat.control.requestCount(),
        sessions: xnat.control.sessionsCreated(),
        open: xnat.control.openSessions(),
      };
    };
    const idle = await renew();
    xnat.control.advanceClock(25 * HOUR);
    const renewal = await renew();
    return [
      {
        group: 'long jobs',
        measure: 'xnat-renew with nothing due: requests / sessions',
        value: `${idle.requests} / ${idle.sessions}`,
        reference: 'one GET for the server’s time',
        target: '1 / 0',
        ok: idle.requests === 1 && idle.sessions === 0,
      },
      {
        group: 'long jobs',
        measure: 'xnat-renew renewing a token: requests / sessions',
        value: `${renewal.requests} / ${renewal.sessions}`,
        reference: `${renewal.open} left open`,
        target: '≤ 6 / 1, none left open',
        ok: renewal.requests <= 6 && renewal.sessions === 1 && renewal.open === 0,
      },
    ];
  } finally {
    rmSync(home, { recursive: true, force: true });
    await xnat.stop();
  }
}
