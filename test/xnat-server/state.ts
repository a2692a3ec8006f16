// What the simulated XNAT remembers: users, alias tokens, sessions and the counters tests read.
import { randomBytes, randomUUID } from 'node:crypto';
import type { SimContainer } from './api-containers';

export interface User {
  username: string;
  password: string;
  admin?: boolean;
}

export interface StoredToken {
  id: number;
  alias: string;
  secret: string;
  xdatUserId: string;
  singleUse: boolean;
  created: number;
  estimatedExpirationTime: number;
  timestamp: number;
  enabled: boolean;
}

/** How a session was opened; XNAT's warning is about the `basic-*` kinds, one per scripted call. */
export type SessionKind = 'form' | 'basic-password' | 'basic-token' | 'guest';

export interface Session {
  id: string;
  username: string;
  kind: SessionKind;
  csrf: string;
  lastAccess: number;
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function newSecret(length = 64): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += ALPHANUMERIC[b % ALPHANUMERIC.length];
  return out;
}

export function newSessionId(): string {
  return randomBytes(16).toString('hex').toUpperCase();
}

export interface SeedToken {
  username?: string;
  /** Epoch ms; default now. */
  created?: number;
  /** Epoch ms; default created + the site's token lifetime. */
  expires?: number;
  singleUse?: boolean;
  alias?: string;
  secret?: string;
}

export class XnatState {
  readonly users = new Map<string, User>();
  readonly tokens = new Map<number, StoredToken>();
  readonly sessions = new Map<string, Session>();
  readonly containers = new Map<number, SimContainer>();
  private nextContainerId = 1;
  private nextTokenId = 1;
  readonly requests = new Map<string, number>();
  readonly sessionsCreated: Record<SessionKind, number> = {
    form: 0,
    'basic-password': 0,
    'basic-token': 0,
    guest: 0,
  };

  constructor(
    readonly now: () => number,
    public tokenLifetimeMs: number,
    readonly sessionTimeoutMs: number,
  ) {}

  addUser(user: User): void {
    this.users.set(user.username, user);
  }

  issueToken(username: string, seed: SeedToken = {}): StoredToken {
    const created = seed.created ?? this.now();
    const token: StoredToken = {
      id: this.nextTokenId++,
      alias: seed.alias ?? randomUUID(),
      secret: seed.secret ?? newSecret(),
      xdatUserId: username,
      singleUse: seed.singleUse ?? false,
      created,
      estimatedExpirationTime: seed.expires ?? created + this.tokenLifetimeMs,
      timestamp: created,
      enabled: true,
    };
    this.tokens.set(token.id, token);
    return token;
  }

  /** A container launch: one alias token for the user, in XNAT_USER (ContainerServiceImpl). */
  launchContainer(
    username: string,
    launch: Partial<SimContainer> & { tokenSeed?: SeedToken } = {},
  ): SimContainer {
    const token = this.issueToken(username, launch.tokenSeed);
    const started = launch.started ?? token.created;
    const container: SimContainer = {
      id: this.nextContainerId++,
      user: username,
      status: launch.status ?? 'Running',
      statusTime: launch.statusTime ?? started,
      started,
      image: launch.image ?? 'xnat/dcm2niix:1.0',
      commandLine: launch.commandLine ?? 'dcm2niix -z y -o /output /input',
      project: launch.project ?? 'CENTRAL_01',
      alias: token.alias,
      finalized: launch.finalized ?? false,
    };
    this.containers.set(container.id, container);
    return container;
  }

  /**
   * The container ends; finalizing it deletes its token (CS-710). Without finalizing (a container
   * that died, a finalize that failed) the token is left behind.
   */
  finishContainer(id: number, finalize: boolean, status = 'Complete'): void {
    const container = this.containers.get(id);
    if (!container) return;
    container.status = status;
    container.statusTime = this.now();
    if (finalize) {
      container.finalized = true;
      const token = this.findToken(container.alias);
      if (token) this.tokens.delete(token.id);
    }
  }

  findToken(idOrAlias: string): StoredToken | undefined {
    if (/^\d+$/.test(idOrAlias)) return this.tokens.get(Number(idOrAlias));
    for (const token of this.tokens.values()) if (token.alias === idOrAlias) return token;
    return undefined;
  }

  tokensOf(username: string): StoredToken[] {
    return [...this.tokens.values()].filter((t) => t.xdatUserId === username && t.enabled);
  }

  /** XNAT's hourly job deletes by `created`, not by the estimate (AliasTokenService cleanup). */
  sweep(): number {
    const cutoff = this.now() - this.tokenLifetimeMs;
    let removed = 0;
    for (const [id, token] of this.tokens) {
      if (token.created < cutoff) {
        this.tokens.delete(id);
        removed += 1;
      }
    }
    return removed;
  }

  openSession(username: string, kind: SessionKind): Session {
    const session: Session = {
      id: newSessionId(),
      username,
      kind,
      csrf: randomUUID(),
      lastAccess: this.now(),
    };
    this.sessions.set(session.id, session);
    this.sessionsCreated[kind] += 1;
    return session;
  }

  /** The live session for a cookie value; an idle one is expired on sight, as Tomcat does. */
  liveSession(id: string | undefined): Session | undefined {
    if (!id) return undefined;
    const session = this.sessions.get(id);
    if (!session) return undefined;
    if (this.now() - session.lastAccess >= this.sessionTimeoutMs) {
      this.sessions.delete(id);
      return undefined;
    }
    return session;
  }

  openSessionCount(): number {
    for (const id of [...this.sessions.keys()]) this.liveSession(id);
    return this.sessions.size;
  }

  countRequest(method: string, path: string): void {
    const key = `${method} ${path}`;
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
  }
}
