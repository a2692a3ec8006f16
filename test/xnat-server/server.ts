// A simulated XNAT, faithful to XNAT's source in everything the extension can notice (the facts
// are listed, with their source paths, in ARCHITECTURE.md).
// start() serves one site; several run side by side on different ports and context paths.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleContainers, type SimContainer } from './api-containers';
import { handleJsession, handleOpenSite, handleUserApi, sessionCookie } from './api-site';
import { handleTokens } from './api-tokens';
import { applyFault, type Fault, type FaultRule, findFault } from './faults';
import {
  type Ctx,
  type Identity,
  isBrowserAgent,
  readCookies,
  type SiteOptions,
  sendError,
  sessionExpirationCookie,
  unauthenticated,
} from './http-kit';
import { handlePages } from './pages';
import { type SeedToken, type SessionKind, type StoredToken, type User, XnatState } from './state';
import { type SessionCookieVariant, VERSIONS, type VersionMode } from './versions';

export interface StartOptions {
  port?: number;
  host?: string;
  contextPath?: string;
  version?: VersionMode;
  siteId?: string;
  guestMode?: boolean;
  siteUrlAsJson?: boolean;
  /** 1.7's restrictUserListAccessToAdmins (403 on /xapi/users/username for non-admins). */
  restrictUserList?: boolean;
  /** The SESSION_EXPIRATION_TIME variant; by default the version's own. */
  sessionCookie?: SessionCookieVariant;
  /** Build the profile page's tab set this long after the page loads (XNAT does it in script). */
  tabSetDelayMs?: number;
  users?: User[];
  /** Site setting aliasTokenTimeout; default 2 days. */
  tokenLifetimeMs?: number;
  /** aliasTokenTimeoutSchedule; default hourly. 0 turns the automatic sweep off. */
  sweepIntervalMs?: number;
  sessionTimeoutMs?: number;
  maxSessions?: number;
  /** Extra latency on every request (benchmarks). */
  latencyMs?: number;
  /** XNAT's container service installed (default): /xapi/containers answers; otherwise 404. */
  containerService?: boolean;
}

export interface XnatControl {
  state: XnatState;
  seedToken(seed?: SeedToken): StoredToken;
  /**
   * What XNAT's container service leaves behind: one token per container launch, for `username`,
   * their creation spread evenly over the token lifetime up to now, so the oldest expire first and
   * some within the hour.
   */
  seedBurst(count: number, username?: string): StoredToken[];
  sweep(): number;
  /** A container launch for `username` (alice by default), minting its token. */
  launchContainer(
    launch?: Partial<SimContainer> & { username?: string; tokenSeed?: SeedToken },
  ): SimContainer;
  /** The container ends; `finalize` deletes its token, as the container service does (CS-710). */
  finishContainer(id: number, finalize: boolean, status?: string): void;
  /** Move the server's clock (and so its `Date` header, sessions and sweeps) by this much. */
  advanceClock(ms: number): void;
  setTokenLifetime(ms: number): void;
  fault(match: string | RegExp, fault: Fault): void;
  clearFaults(): void;
  /** Requests received, keyed `METHOD /path` (path below the context path, no query). */
  requestCount(match?: string | RegExp): number;
  sessionsCreated(kind?: SessionKind): number;
  openSessions(): number;
  /** Forget counters (not tokens or sessions). */
  resetCounters(): void;
}

export interface RunningXnat {
  /** Server root, e.g. `http://127.0.0.1:8080/xnat`. */
  url: string;
  origin: string;
  contextPath: string;
  control: XnatControl;
  stop(): Promise<void>;
}

export const DEMO_USER: User = { username: 'alice', password: 'alice-pass' };
export const ADMIN_USER: User = { username: 'admin', password: 'admin-pass', admin: true };
const DAY = 24 * 60 * 60 * 1000;

export async function start(options: StartOptions = {}): Promise<RunningXnat> {
  const contextPath = (options.contextPath ?? '').replace(/\/+$/, '');
  let clockOffset = 0;
  const state = new XnatState(
    () => Date.now() + clockOffset,
    options.tokenLifetimeMs ?? 2 * DAY,
    options.sessionTimeoutMs ?? 15 * 60 * 1000,
  );
  for (const user of options.users ?? [DEMO_USER, ADMIN_USER]) state.addUser(user);
  const version = options.version ?? '1.8';
  const site: SiteOptions = {
    contextPath,
    version,
    traits: VERSIONS[version],
    restrictUserList: options.restrictUserList ?? false,
    sessionCookie: options.sessionCookie ?? VERSIONS[version].sessionCookie,
    tabSetDelayMs: options.tabSetDelayMs ?? 0,
    siteId: options.siteId ?? 'XNAT',
    guestMode: options.guestMode ?? false,
    siteUrlAsJson: options.siteUrlAsJson ?? false,
    maxSessions: options.maxSessions ?? 1000,
  };
  const faults: FaultRule[] = [];
  let origin = '';

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin);
    const method = req.method ?? 'GET';
    if (contextPath && url.pathname !== contextPath && !url.pathname.startsWith(`${contextPath}/`)) {
      res.writeHead(404, { 'Content-Type': 'text/html' });
      res.end('<h1>404 Not Found</h1><p>No application is deployed here.</p>');
      return;
    }
    // Tomcat's URL rewriting puts the session in the path (`;jsessionid=…`); the page is the same.
    const path = url.pathname.slice(contextPath.length).replace(/;jsessionid=[^/]*$/i, '') || '/';
    state.countRequest(method, path);
    const ctx: Ctx = {
      req,
      res,
      url,
      path,
      method,
      state,
      site,
      base: origin + contextPath,
      identity: null,
      cookies: [],
    };
    if (options.latencyMs) await new Promise((r) => setTimeout(r, options.latencyMs));
    const rule = findFault(faults, path);
    if (rule && (await applyFault(ctx, rule))) return;

    const auth = authenticate(ctx);
    if (auth === 'refused') return;
    ctx.identity = auth;
    if (ctx.identity?.session) touch(ctx);

    if (handleOpenSite(ctx) || (await handlePages(ctx))) return;
    if (!csrfOk(ctx)) return sendError(ctx, 403, 'Invalid or missing XNAT_CSRF token.');
    if (handleJsession(ctx)) return;
    if (!isApi(path)) return sendError(ctx, 404, 'Not Found');
    const username = ctx.identity?.username ?? (site.guestMode ? 'guest' : null);
    if (username === null) return unauthenticated(ctx);
    if (handleTokens(ctx) || handleUserApi(ctx, username)) return;
    if (handleContainers(ctx, username, options.containerService ?? true)) return;
    sendError(ctx, 404, 'Not Found');
  }

  /** Session cookie first; else Basic auth, which opens a new session on every such request. */
  function authenticate(ctx: Ctx): Identity | null | 'refused' {
    // Tomcat tries each JSESSIONID cookie until one names a live session (two XNATs on one host).
    const session = readCookies(ctx.req, 'JSESSIONID')
      .map((id) => state.liveSession(id))
      .find((s) => s !== undefined);
    if (session) return { username: session.username, session, viaCookie: true };
    const header = ctx.req.headers.authorization ?? '';
    if (!header.startsWith('Basic ')) return null;
    const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const [name, secret] = [decoded.slice(0, colon), decoded.slice(colon + 1)];
    const kind = basicKind(name, secret);
    if (!kind) {
      unauthenticatedBasic(ctx);
      return 'refused';
    }
    if (state.openSessionCount() >= site.maxSessions) {
      sendError(ctx, 401, 'Maximum number of sessions reached; login refused.');
      return 'refused';
    }
    const token = kind === 'basic-token' ? state.findToken(name) : undefined;
    const username = token ? token.xdatUserId : name;
    // A single-use token authenticates once. Pipelines, containers, JupyterHub and the Desktop Client
    // get multi-use ones (issueTokenForUser(user) sets singleUse=false); REST cannot make single-use.
    if (token?.singleUse) state.tokens.delete(token.id);
    const opened = state.openSession(username, kind);
    ctx.cookies.push(sessionCookie(ctx, opened.id));
    return { username, session: opened, viaCookie: false };
  }

  function basicKind(name: string, secret: string): SessionKind | null {
    const user = state.users.get(name);
    if (user && user.password === secret) return 'basic-password';
    const token = state.findToken(name);
    if (token && /^[0-9a-f-]{36}$/i.test(name) && token.secret === secret) return 'basic-token';
    return null;
  }

  function unauthenticatedBasic(ctx: Ctx): void {
    ctx.res.writeHead(401, {
      'WWW-Authenticate': `Basic realm="${site.siteId}"`,
      'Content-Type': 'text/html',
    });
    ctx.res.end('<html><body><h3>Bad credentials</h3></body></html>');
  }

  function touch(ctx: Ctx): void {
    const session = ctx.identity?.session;
    if (!session) return;
    session.lastAccess = state.now();
    ctx.cookies.push(sessionExpirationCookie(ctx, session.lastAccess));
  }

  /** XNAT's CSRF check: state-changing methods on /data and /REST from browsers, session users only. */
  function csrfOk(ctx: Ctx): boolean {
    if (!['POST', 'PUT', 'DELETE'].includes(ctx.method)) return true;
    if (!/^\/(data|REST)\//.test(ctx.path) || !isBrowserAgent(ctx.req)) return true;
    const session = ctx.identity?.viaCookie ? ctx.identity.session : null;
    return !session || ctx.url.searchParams.get('XNAT_CSRF') === session.csrf;
  }

  function isApi(path: string): boolean {
    return /^\/(data|REST|xapi|fs)(\/|$)/.test(path);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const address = server.address() as AddressInfo;
  origin = `http://${options.host ?? '127.0.0.1'}:${address.port}`;
  const sweepEvery = options.sweepIntervalMs ?? 60 * 60 * 1000;
  const sweeper = sweepEvery > 0 ? setInterval(() => state.sweep(), sweepEvery) : undefined;
  sweeper?.unref();

  const control: XnatControl = {
    state,
    seedToken: (seed = {}) => state.issueToken(seed.username ?? DEMO_USER.username, seed),
    seedBurst: (count, username = DEMO_USER.username) => {
      const now = state.now();
      const lifetime = state.tokenLifetimeMs;
      // A third still running, a third finished without finalizing (their tokens left behind), a
      // third from launches the container service no longer lists (or another tool's).
      return Array.from({ length: count }, (_, i) => {
        const created = now - lifetime + ((i + 0.5) * lifetime) / count;
        if (i % 3 === 2) return state.issueToken(username, { created });
        const container = state.launchContainer(username, {
          tokenSeed: { created },
          commandLine: i % 2 ? 'dcm2niix -z y -o /output /input' : 'freesurfer recon-all -all',
          image: i % 2 ? 'xnat/dcm2niix:1.0' : 'freesurfer/freesurfer:7.4.1',
          project: i % 2 ? 'CENTRAL_01' : 'NEURO_07',
          ...(i % 3 === 1 ? { status: 'Complete', statusTime: created + (now - created) / 2 } : {}),
        });
        return state.findToken(container.alias) as StoredToken;
      });
    },
    launchContainer: ({ username = DEMO_USER.username, ...launch } = {}) =>
      state.launchContainer(username, launch),
    finishContainer: (id, finalize, status) => state.finishContainer(id, finalize, status),
    sweep: () => state.sweep(),
    advanceClock: (ms) => {
      clockOffset += ms;
    },
    setTokenLifetime: (ms) => {
      state.tokenLifetimeMs = ms;
    },
    fault: (match, fault) => {
      faults.unshift({ match, fault, used: 0 });
    },
    clearFaults: () => {
      faults.length = 0;
    },
    requestCount: (match) => {
      let total = 0;
      for (const [key, n] of state.requests) {
        if (match === undefined || (typeof match === 'string' ? key === match : match.test(key))) total += n;
      }
      return total;
    },
    sessionsCreated: (kind) =>
      kind ? state.sessionsCreated[kind] : Object.values(state.sessionsCreated).reduce((a, b) => a + b, 0),
    openSessions: () => state.openSessionCount(),
    resetCounters: () => {
      state.requests.clear();
      for (const kind of Object.keys(state.sessionsCreated) as SessionKind[]) state.sessionsCreated[kind] = 0;
    },
  };

  return {
    url: origin + contextPath,
    origin,
    contextPath,
    control,
    stop: () =>
      new Promise<void>((resolve) => {
        clearInterval(sweeper);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
