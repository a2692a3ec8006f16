import { describe, expect, it } from 'vitest';
import { welcomeOnce } from '../../src/background/welcome';
import { fakeDeps } from '../fakes/fake-deps';

const WELCOME = 'chrome-extension://id/src/options/index.html?welcome';

describe('the welcome page', () => {
  it('opens on the first install and never again in that profile, however often install fires', async () => {
    const deps = fakeDeps(async () => new Response(null, { status: 500 }));
    await welcomeOnce(deps, WELCOME);
    await welcomeOnce(deps, WELCOME);
    await welcomeOnce(deps, WELCOME);
    expect(deps.opened).toEqual([WELCOME]);
    expect(deps.fetched).toEqual([]);
  });
});
