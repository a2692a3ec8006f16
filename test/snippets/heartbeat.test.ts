// @vitest-environment node
// The curl script's heartbeat, run for real with bash and curl against the simulated XNAT with a
// short idle time-out: a script that authenticated once keeps its session across long quiet steps
// and after its token is gone, and one without the heartbeat loses it. The heartbeat ends with the
// script.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildSnippet } from '../../src/snippets/build';
import { PROJECT_IDS, projectIdsIn, runBash } from '../fakes/copied-command';
import { type RunningXnat, start } from '../xnat-server/server';

let xnat: RunningXnat;

beforeEach(async () => {
  // Sessions idle out after 2 s here (XNAT's default is 15 minutes; the heartbeat's 9).
  xnat = await start({ contextPath: '/xnat', sessionTimeoutMs: 2000 });
});
afterEach(async () => {
  await xnat.stop();
});

/** The copied script with a long job's steps where the user's calls go: quiet for 3 s, then a call. */
function longScript(): string {
  const token = xnat.control.seedToken();
  const built = buildSnippet('curl-session', {
    server: { origin: xnat.origin, contextPath: xnat.contextPath },
    alias: token.alias,
    secret: token.secret,
  });
  if (!built.ok) throw new Error(built.failure.kind);
  // The token is deleted while the script runs, as XNAT's sweep would delete it.
  setTimeout(() => xnat.control.state.tokens.delete(token.id), 500);
  return built.value.text.replace(
    /\n\)$/,
    '\n  sleep 3\n  curl -sSf -b "JSESSIONID=$jsession" "$xnat/data/projects?format=csv"\n)',
  );
}

const bash = (script: string, heartbeatSeconds: number) =>
  runBash(script, { XNAT_HEARTBEAT_SECONDS: String(heartbeatSeconds) });

describe('the curl script’s heartbeat', () => {
  it('keeps the session through quiet steps and after the token is gone, then stops with the script', async () => {
    const { stdout, code } = await bash(longScript(), 1);
    expect(code).toBe(0);
    expect(
      projectIdsIn(
        stdout
          .split('\n')
          .slice(-PROJECT_IDS.length - 2)
          .join('\n'),
      ),
    ).toEqual(PROJECT_IDS);
    expect(xnat.control.sessionsCreated()).toBe(1);
    expect(xnat.control.requestCount('GET /data/JSESSION')).toBeGreaterThanOrEqual(2);
    expect(xnat.control.openSessions()).toBe(0);
    // Nothing touches XNAT once the script has ended.
    const touched = xnat.control.requestCount('GET /data/JSESSION');
    await new Promise((r) => setTimeout(r, 2500));
    expect(xnat.control.requestCount('GET /data/JSESSION')).toBe(touched);
  }, 20_000);

  it('without it, the same script loses its session and its next call gets 401', async () => {
    const { code } = await bash(longScript(), 100);
    expect(code).not.toBe(0);
    expect(xnat.control.requestCount('GET /data/JSESSION')).toBe(0);
  }, 20_000);
});
