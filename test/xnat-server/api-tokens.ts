// /data/services/tokens/* as AliasTokenRestlet.java serves it: GET only, JSON bodies,
// HTML error pages, 403 for guest and for other users' tokens, 404 for unknown ones.
import { type Ctx, sendError, sendJson } from './http-kit';
import type { StoredToken } from './state';

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** XNAT 1.7.0 wrote `yyyyMMdd_HHmmss`; the simulated server's zone is UTC. */
function xnat170Date(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}_${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
}

export function serializeToken(ctx: Ctx, token: StoredToken): Record<string, unknown> {
  const legacy = ctx.site.traits.legacyTokenJson;
  return {
    // 1.7.0's issue answer has no id.
    ...(legacy ? {} : { id: token.id }),
    alias: token.alias,
    secret: token.secret,
    xdatUserId: token.xdatUserId,
    singleUse: token.singleUse,
    estimatedExpirationTime: legacy
      ? xnat170Date(token.estimatedExpirationTime)
      : token.estimatedExpirationTime,
    created: token.created,
    timestamp: token.timestamp,
    enabled: token.enabled,
    disabled: 0,
    validIPAddresses: [],
  };
}

const PREFIX = /^\/(?:data|REST)\/services\/tokens(?:\/(.*))?$/;

export function handleTokens(ctx: Ctx): boolean {
  const m = PREFIX.exec(ctx.path);
  if (!m) return false;
  if (ctx.method !== 'GET') {
    sendError(ctx, 405, 'Method Not Allowed');
    return true;
  }
  const user = ctx.identity?.username ?? 'guest';
  if (user === 'guest') {
    sendError(ctx, 403, 'The guest user cannot manage alias tokens.');
    return true;
  }
  const parts = (m[1] ?? '').split('/').filter(Boolean).map(decodeURIComponent);
  const [operation, ...rest] = parts;
  const isAdmin = ctx.state.users.get(user)?.admin === true;
  const forUser = (): string | null => {
    if (rest[0] !== 'user' || !rest[1]) return null;
    return rest[1];
  };

  switch (operation) {
    case 'show': {
      if (!ctx.site.traits.tokenList) {
        sendError(ctx, 400, 'Unknown operation: show');
        return true;
      }
      if (rest.length === 0)
        return reply(
          ctx,
          ctx.state.tokensOf(user).map((t) => serializeToken(ctx, t)),
        );
      const other = forUser();
      if (other === null) return badRequest(ctx);
      if (!isAdmin) return forbidden(ctx, 'Only site administrators can view other users’ tokens.');
      return reply(
        ctx,
        ctx.state.tokensOf(other).map((t) => serializeToken(ctx, t)),
      );
    }
    case 'issue': {
      if (rest.length === 0) return reply(ctx, serializeToken(ctx, ctx.state.issueToken(user)));
      const other = forUser();
      if (other === null) return badRequest(ctx);
      if (!isAdmin) return forbidden(ctx, 'Only site administrators can issue tokens for other users.');
      if (!ctx.state.users.has(other)) return notFound(ctx, `Can't find a user named ${other}`);
      return reply(ctx, serializeToken(ctx, ctx.state.issueToken(other)));
    }
    case 'invalidate': {
      const key = rest[0];
      if (!key || rest.length > 1) return badRequest(ctx);
      const token = ctx.state.findToken(key);
      if (!token) return notFound(ctx, `Can't find an alias token with the alias ${key}`);
      if (token.xdatUserId !== user && !isAdmin) return forbidden(ctx, 'That token belongs to another user.');
      ctx.state.tokens.delete(token.id);
      return reply(ctx, { result: 'OK' });
    }
    case 'validate': {
      const [key, secret] = rest;
      if (!key) return badRequest(ctx);
      if (!secret) {
        sendError(ctx, 401, 'You must provide the secret to validate an alias token.');
        return true;
      }
      const token = ctx.state.findToken(key);
      if (!token) return notFound(ctx, `Can't find an alias token with the alias ${key}`);
      if (token.secret !== secret) return reply(ctx, {});
      // Validating a single-use token uses it up, which is why the extension never validates.
      if (token.singleUse) ctx.state.tokens.delete(token.id);
      return reply(ctx, { valid: token.xdatUserId });
    }
    default:
      return badRequest(ctx);
  }
}

function reply(ctx: Ctx, body: unknown): true {
  sendJson(ctx, 200, body);
  return true;
}

function badRequest(ctx: Ctx): true {
  sendError(ctx, 400, 'Unknown alias token operation.');
  return true;
}

function forbidden(ctx: Ctx, message: string): true {
  sendError(ctx, 403, message);
  return true;
}

function notFound(ctx: Ctx, message: string): true {
  sendError(ctx, 404, message);
  return true;
}
