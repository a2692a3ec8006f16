// @vitest-environment node
// The simulated /xapi/containers, against the container service's behaviour (ContainerRestApi,
// Container.java, scrubPasswordEnv, CS-710).
import { afterEach, describe, expect, it } from 'vitest';
import { cookieJarFetch, logIn } from '../fakes/cookie-jar-fetch';
import { type RunningXnat, type StartOptions, start } from './server';

let xnat: RunningXnat;
afterEach(async () => {
  await xnat.stop();
});

async function containersAs(username: string, password: string, query = '') {
  const browser = cookieJarFetch();
  await logIn(browser, xnat.url, username, password);
  return browser(`${xnat.url}/xapi/containers${query}`);
}
const setUp = async (options: StartOptions = {}) => {
  xnat = await start({ contextPath: '/xnat', ...options });
};

describe('/xapi/containers', () => {
  it('lists the user’s own containers with status, history, image, command, project and XNAT_USER in clear', async () => {
    await setUp();
    const mine = xnat.control.launchContainer({ project: 'P1' });
    xnat.control.launchContainer({ username: 'admin' });
    const response = await containersAs('alice', 'alice-pass');
    const body = (await response.json()) as Record<string, unknown>[];
    expect(body).toHaveLength(1);
    const token = xnat.control.state.findToken(mine.alias);
    expect(body[0]).toMatchObject({
      id: mine.id,
      status: 'Running',
      'user-id': 'alice',
      project: 'P1',
      'docker-image': 'xnat/dcm2niix:1.0',
      'command-line': expect.stringContaining('dcm2niix'),
      env: { XNAT_USER: token?.alias, XNAT_PASS: '******' },
      history: [
        expect.objectContaining({ status: 'Created' }),
        expect.objectContaining({ status: 'Running' }),
      ],
    });
    expect(JSON.stringify(body)).not.toContain(token?.secret);
  });

  it('shows an admin every user’s containers', async () => {
    await setUp();
    xnat.control.launchContainer();
    xnat.control.launchContainer({ username: 'admin' });
    expect(await (await containersAs('admin', 'admin-pass')).json()).toHaveLength(2);
  });

  it('finalizing deletes the launch’s token; a container that ends without it leaves its token behind', async () => {
    await setUp();
    const finalized = xnat.control.launchContainer();
    const leftBehind = xnat.control.launchContainer();
    xnat.control.finishContainer(finalized.id, true);
    xnat.control.finishContainer(leftBehind.id, false, 'Failed');
    expect(xnat.control.state.findToken(finalized.alias)).toBeUndefined();
    expect(xnat.control.state.findToken(leftBehind.alias)).toBeDefined();
    const listed = (await (await containersAs('alice', 'alice-pass', '?nonfinalized=true')).json()) as {
      id: number;
      status: string;
    }[];
    expect(listed.map((c) => [c.id, c.status])).toEqual([[leftBehind.id, 'Failed']]);
  });

  it('is 404 where the container service is not installed', async () => {
    await setUp({ containerService: false });
    expect((await containersAs('alice', 'alice-pass')).status).toBe(404);
  });

  it('a container burst seeds containers for its tokens: running, finished with the token left, and none', async () => {
    await setUp();
    const burst = xnat.control.seedBurst(30);
    const containers = [...xnat.control.state.containers.values()];
    const held = new Set(containers.map((c) => c.alias));
    expect(burst.filter((t) => held.has(t.alias))).toHaveLength(20);
    expect(containers.filter((c) => c.status === 'Running')).toHaveLength(10);
    expect(containers.filter((c) => c.status === 'Complete' && !c.finalized)).toHaveLength(10);
  });
});
