// /xapi/containers as XNAT's container service serves it (ContainerRestApi, Container.java): each
// container with its status, history, image, command line, project and environment, where XNAT_USER
// is the launch's alias token in clear and XNAT_PASS is masked (scrubPasswordEnv). Non-admins see
// their own containers only; `?nonfinalized=true` leaves finalized ones out. No container service
// installed: 404.
import { randomUUID } from 'node:crypto';
import { type Ctx, sendError, sendJson } from './http-kit';
import type { XnatState } from './state';

export interface SimContainer {
  id: number;
  user: string;
  status: string;
  statusTime: number;
  started: number;
  image: string;
  commandLine: string;
  project: string;
  /** The alias of the token the launch minted (XNAT_USER). */
  alias: string;
  finalized: boolean;
}

const FINISHED = /^(Complete|Failed|Killed|Done)/;

export function isFinished(container: SimContainer): boolean {
  return FINISHED.test(container.status);
}

export function serializeContainer(container: SimContainer, base: string): Record<string, unknown> {
  const history = [
    { status: 'Created', 'time-recorded': container.started, 'entity-type': 'user' },
    { status: 'Running', 'time-recorded': container.started + 2000, 'entity-type': 'event' },
    ...(isFinished(container)
      ? [
          {
            status: container.status,
            'time-recorded': container.statusTime,
            'entity-type': 'event',
            'exit-code': '0',
          },
        ]
      : []),
  ];
  return {
    id: container.id,
    'command-id': 1,
    status: container.status,
    'status-time': container.statusTime,
    'wrapper-id': 1,
    'container-id': randomUUID().replace(/-/g, ''),
    'user-id': container.user,
    project: container.project,
    'docker-image': container.image,
    'command-line': container.commandLine,
    env: { XNAT_HOST: base, XNAT_USER: container.alias, XNAT_PASS: '******' },
    ports: {},
    mounts: [],
    outputs: [],
    history,
    'log-paths': [],
  };
}

export function handleContainers(ctx: Ctx, username: string, installed: boolean): boolean {
  if (ctx.path !== '/xapi/containers') return false;
  if (!installed) {
    sendError(ctx, 404, 'Not Found');
    return true;
  }
  const state: XnatState = ctx.state;
  const admin = state.users.get(username)?.admin === true;
  const nonFinalized = ctx.url.searchParams.get('nonfinalized') === 'true';
  const visible = [...state.containers.values()].filter(
    (c) => (admin || c.user === username) && !(nonFinalized && c.finalized),
  );
  sendJson(
    ctx,
    200,
    visible.map((c) => serializeContainer(c, ctx.base)),
  );
  return true;
}
