// Request context and response helpers shared by the simulated XNAT's routes.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Session, XnatState } from './state';
import type { SessionCookieVariant, VersionMode, VersionTraits } from './versions';

export interface SiteOptions {
  contextPath: string;
  version: VersionMode;
  traits: VersionTraits;
  /** 1.7's restrictUserListAccessToAdmins: /xapi/users/username answers 403 to non-admins. */
  restrictUserList: boolean;
  sessionCookie: SessionCookieVariant;
  /** How long after DOMContentLoaded the profile page builds its tab set (XNAT does it in script). */
  tabSetDelayMs: number;
  siteId: string;
  /** requireLogin=false: anonymous callers act as `guest`. */
  guestMode: boolean;
  /** siteConfig/siteUrl as a JSON string instead of raw text (XNAT leaves it open). */
  siteUrlAsJson: boolean;
  maxSessions: number;
}

export interface Identity {
  username: string;
  session: Session | null;
  /** Signed in through the session cookie (as opposed to Basic auth on this very request). */
  viaCookie: boolean;
}

export interface Ctx {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** Path below the context path, e.g. `/data/services/tokens/show`. */
  path: string;
  method: string;
  state: XnatState;
  site: SiteOptions;
  /** Absolute server root as seen by the client, e.g. `http://127.0.0.1:8080/xnat`. */
  base: string;
  identity: Identity | null;
  /** Cookies to send with whatever response this request ends in. */
  cookies: string[];
}

export function isBrowserAgent(req: IncomingMessage): boolean {
  return /Mozilla|AppleWebKit/.test(req.headers['user-agent'] ?? '');
}

/** Every value sent under this name: browsers send one per matching path, most specific first. */
export function readCookies(req: IncomingMessage, name: string): string[] {
  const values: string[] = [];
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) values.push(part.slice(eq + 1).trim());
  }
  return values;
}

function writeHead(ctx: Ctx, status: number, headers: Record<string, string>): void {
  const all: Record<string, string | string[]> = {
    ...headers,
    Date: new Date(ctx.state.now()).toUTCString(),
  };
  if (ctx.cookies.length) all['Set-Cookie'] = ctx.cookies;
  ctx.res.writeHead(status, all);
}

export function send(ctx: Ctx, status: number, contentType: string, body: string): void {
  writeHead(ctx, status, { 'Content-Type': contentType, 'Cache-Control': 'no-store' });
  ctx.res.end(body);
}

/** XNAT before 1.8.0 sent JSON without a JSON content type. */
export function sendJson(ctx: Ctx, status: number, value: unknown): void {
  const type = ctx.site.traits.jsonContentType
    ? 'application/json;charset=UTF-8'
    : 'text/plain;charset=UTF-8';
  send(ctx, status, type, JSON.stringify(value));
}

export function sendText(ctx: Ctx, status: number, text: string): void {
  send(ctx, status, 'text/plain;charset=UTF-8', text);
}

export function sendHtml(ctx: Ctx, status: number, html: string): void {
  send(ctx, status, 'text/html;charset=UTF-8', html);
}

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

/** Tomcat-style error page: XNAT's REST errors are HTML with the message in an `<h3>`. */
export function sendError(ctx: Ctx, status: number, message: string): void {
  const title = `HTTP Status ${status}`;
  sendHtml(
    ctx,
    status,
    `<!doctype html><html><head><title>${title}</title></head><body><h1>${title}</h1><h3>${message.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`)}</h3></body></html>`,
  );
}

export function redirect(ctx: Ctx, location: string): void {
  writeHead(ctx, 302, { Location: location, 'Content-Length': '0' });
  ctx.res.end();
}

export function loginPageUrl(ctx: Ctx): string {
  return `${ctx.base}/app/template/Login.vm`;
}

export function unauthenticated(ctx: Ctx): void {
  if (isBrowserAgent(ctx.req)) {
    redirect(ctx, loginPageUrl(ctx));
    return;
  }
  writeHead(ctx, 401, {
    'WWW-Authenticate': `Basic realm="${ctx.site.siteId}"`,
    'Content-Type': 'text/html;charset=UTF-8',
  });
  ctx.res.end('<html><body><h3>Unauthorized</h3></body></html>');
}

export async function readBody(req: IncomingMessage, limit = 64 * 1024): Promise<string> {
  let body = '';
  for await (const chunk of req) {
    body += chunk;
    if (body.length > limit) throw new Error('body too large');
  }
  return body;
}

/** XNAT's readable session-end cookie, reset on every authenticated request, in this site's variant. */
export function sessionExpirationCookie(ctx: Ctx, lastAccess: number): string {
  const { sessionCookie, traits, contextPath } = ctx.site;
  const path = traits.cookiePathWithContext ? `${contextPath}/` : '/';
  const value =
    sessionCookie === 'epoch'
      ? String(lastAccess + ctx.state.sessionTimeoutMs)
      : `"${lastAccess},${ctx.state.sessionTimeoutMs}"`;
  return `SESSION_EXPIRATION_TIME=${value}; Path=${path}${sessionCookie === 'secure' ? '; Secure' : ''}`;
}
