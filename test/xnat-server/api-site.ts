// Site information, who-am-I, /data/JSESSION and a little project data.
import { type Ctx, escapeHtml, send, sendError, sendHtml, sendJson, sendText } from './http-kit';

export const PROJECTS = [
  {
    ID: 'CNDA_DEMO',
    secondary_ID: 'Demo',
    name: 'Demo imaging project',
    description: 'MR sessions for tests',
    pi_firstname: 'Ada',
    pi_lastname: 'Lovelace',
  },
  {
    ID: 'PET_PILOT',
    secondary_ID: 'Pilot',
    name: 'PET pilot study',
    description: 'Amyloid PET, 12 subjects',
    pi_firstname: 'Alan',
    pi_lastname: 'Turing',
  },
];

/** Served to anyone, logged in or not (siteId only from 1.8.4; before, to users who logged in). */
export function handleOpenSite(ctx: Ctx): boolean {
  const anonymous = !ctx.identity || ctx.identity.username === 'guest';
  if (ctx.path === '/xapi/siteConfig/siteId' && ctx.site.traits.siteIdNeedsLogin && anonymous) return false;
  switch (ctx.path) {
    case '/xapi/siteConfig/buildInfo': {
      const info = ctx.site.traits.build;
      sendJson(ctx, 200, {
        ...info,
        buildDate: 'Tue Mar 03 10:00:00 UTC 2026',
        branch: `release/${info.version}`,
        isDirty: 'false',
      });
      return true;
    }
    case '/xapi/siteConfig/siteId':
      sendText(ctx, 200, ctx.site.siteId);
      return true;
    case '/xapi/siteConfig/siteUrl':
      sendText(ctx, 200, ctx.site.siteUrlAsJson ? JSON.stringify(ctx.base) : ctx.base);
      return true;
    default:
      return false;
  }
}

/** `/data/JSESSION` is open too: an anonymous caller gets a guest session. */
export function handleJsession(ctx: Ctx): boolean {
  if (ctx.path !== '/data/JSESSION' && ctx.path !== '/REST/JSESSION') return false;
  if (ctx.method === 'DELETE') {
    const session = ctx.identity?.session;
    if (session) ctx.state.sessions.delete(session.id);
    ctx.cookies.push(`JSESSIONID=; Path=${ctx.site.contextPath || '/'}; Max-Age=0; HttpOnly`);
    sendText(ctx, 200, '');
    return true;
  }
  if (ctx.method !== 'GET' && ctx.method !== 'POST') {
    sendError(ctx, 405, 'Method Not Allowed');
    return true;
  }
  const session = ctx.identity?.session ?? ctx.state.openSession('guest', 'guest');
  if (!ctx.identity) ctx.cookies.push(sessionCookie(ctx, session.id));
  const csrf = ctx.url.searchParams.get('CSRF') === 'true' ? `; XNAT_CSRF=${session.csrf}` : '';
  sendText(ctx, 200, session.id + csrf);
  return true;
}

export function sessionCookie(ctx: Ctx, id: string): string {
  return `JSESSIONID=${id}; Path=${ctx.site.contextPath || '/'}; HttpOnly`;
}

/** Needs a user (or guest, on guest-mode sites). */
export function handleUserApi(ctx: Ctx, username: string): boolean {
  if (ctx.path === '/xapi/users/username') {
    if (ctx.site.traits.usernameApi) sendText(ctx, 200, username);
    // 1.7 reads "username" as the name of a user to look up: restricted sites refuse non-admins.
    else if (ctx.site.restrictUserList && !ctx.state.users.get(username)?.admin)
      sendError(ctx, 403, 'You are not allowed to view the user list.');
    else sendError(ctx, 404, "Can't find a user named username");
    return true;
  }
  if (ctx.path === '/data/auth' || ctx.path === '/REST/auth') {
    sendText(ctx, 200, `User '${username}' is logged in`);
    return true;
  }
  if (ctx.path === '/data/projects' || ctx.path === '/REST/projects') {
    sendProjects(ctx);
    return true;
  }
  return false;
}

function sendProjects(ctx: Ctx): void {
  const rows = PROJECTS.map((p) => ({ ...p, URI: `/data/projects/${p.ID}` }));
  const format = ctx.url.searchParams.get('format') ?? 'html';
  if (format === 'json') {
    sendJson(ctx, 200, { ResultSet: { Result: rows, totalRecords: String(rows.length), title: 'Projects' } });
  } else if (format === 'csv') {
    const columns = Object.keys(rows[0] ?? {});
    const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
    const lines = [
      columns.join(','),
      ...rows.map((r) => columns.map((c) => quote(String(r[c as keyof typeof r]))).join(',')),
    ];
    send(ctx, 200, 'text/csv;charset=UTF-8', `${lines.join('\n')}\n`);
  } else {
    const body = rows
      .map((r) => `<tr><td>${escapeHtml(r.ID)}</td><td>${escapeHtml(r.name)}</td></tr>`)
      .join('');
    sendHtml(ctx, 200, `<table><tr><th>ID</th><th>name</th></tr>${body}</table>`);
  }
}
