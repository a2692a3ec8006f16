// Site information, who-am-I, /data/JSESSION and a little project data (facts §4).
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

const BUILD_INFO = {
  '1.8': { version: '1.8.11', buildNumber: '8955', sha: '4d1c2e7' },
  '1.7': { version: '1.7.6', buildNumber: '1637', sha: '9a0b3f1' },
  '1.7.0': { version: '1.7.0', buildNumber: '1401', sha: '2be4a90' },
} as const;

/** Served to anyone, logged in or not. */
export function handleOpenSite(ctx: Ctx): boolean {
  switch (ctx.path) {
    case '/xapi/siteConfig/buildInfo': {
      const info = BUILD_INFO[ctx.site.version];
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

/** `/data/JSESSION` is open too: an anonymous caller gets a guest session (facts §4). */
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
  if (ctx.path === '/xapi/users/username' && ctx.site.version === '1.8') {
    sendText(ctx, 200, username);
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
