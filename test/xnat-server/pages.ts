// XNAT's web pages as far as the extension sees them: login, home, and the user profile whose
// "Manage Alias Tokens" tab the content script decorates. Page scripts live in assets/.
import { readFile } from 'node:fs/promises';
import { sessionCookie } from './api-site';
import {
  type Ctx,
  escapeHtml,
  readBody,
  redirect,
  send,
  sendHtml,
  sessionExpirationCookie,
} from './http-kit';

const ASSETS = new URL('./assets/', import.meta.url);
const ASSET_TYPES: Record<string, string> = { js: 'text/javascript', css: 'text/css' };

export async function handlePages(ctx: Ctx): Promise<boolean> {
  const asset = /^\/(?:scripts|style)\/xnat-sim\/([a-z-]+\.(js|css))$/.exec(ctx.path);
  if (asset?.[1] && asset[2]) {
    send(
      ctx,
      200,
      `${ASSET_TYPES[asset[2]]};charset=UTF-8`,
      await readFile(new URL(asset[1], ASSETS), 'utf8'),
    );
    return true;
  }
  switch (ctx.path) {
    case '/app/template/Login.vm':
      sendHtml(ctx, 200, loginPage(ctx));
      return true;
    case '/login':
      await login(ctx);
      return true;
    case '/app/action/LogoutUser': {
      const session = ctx.identity?.session;
      if (session) ctx.state.sessions.delete(session.id);
      ctx.cookies.push(`JSESSIONID=; Path=${ctx.site.contextPath || '/'}; Max-Age=0; HttpOnly`);
      redirect(ctx, `${ctx.base}/app/template/Login.vm`);
      return true;
    }
    case '/':
    case '/app/template/Index.vm':
      return page(ctx, 'Home', homeBody(ctx));
    case '/app/template/XDATScreen_UpdateUser.vm':
      return page(ctx, 'User Profile', profileBody(), ['xnat-ui.js', 'user-profile.js', 'alias-tokens.js']);
    case '/app/template/XDATScreen_aliasTokens.vm':
      // XNAT before 1.7.5 has no token page at all.
      if (!ctx.site.traits.tokenList) return false;
      return page(ctx, 'Alias Tokens', legacyBody(), ['xnat-ui.js', 'alias-tokens.js']);
    default:
      return false;
  }
}

async function login(ctx: Ctx): Promise<void> {
  if (ctx.method !== 'POST') return redirect(ctx, `${ctx.base}/app/template/Login.vm`);
  const form = new URLSearchParams(await readBody(ctx.req));
  const user = ctx.state.users.get(form.get('username') ?? '');
  if (!user || user.password !== form.get('password')) {
    return redirect(ctx, `${ctx.base}/app/template/Login.vm?failed=true`);
  }
  const session = ctx.state.openSession(user.username, 'form');
  ctx.cookies.push(sessionCookie(ctx, session.id));
  ctx.cookies.push(sessionExpirationCookie(ctx, session.lastAccess));
  const next = form.get('redirect') ?? '';
  redirect(ctx, next.startsWith('/') && !next.startsWith('//') ? ctx.base + next : `${ctx.base}/`);
}

/** Pages for logged-in users; XNAT sends everyone else to the login page. */
function page(ctx: Ctx, title: string, body: string, scripts: string[] = []): true {
  const username = ctx.identity?.username;
  if (!username || username === 'guest') {
    const back = encodeURIComponent(ctx.path);
    redirect(ctx, `${ctx.base}/app/template/Login.vm?redirect=${back}`);
    return true;
  }
  const csrf = ctx.identity?.session?.csrf ?? '';
  const tags = scripts.map((s) => `<script src="${ctx.base}/scripts/xnat-sim/${s}"></script>`).join('\n');
  sendHtml(
    ctx,
    200,
    layout(
      ctx,
      title,
      `<div id="user-bar"><span>Logged in as: <a id="username-link" href="${ctx.base}/app/template/XDATScreen_UpdateUser.vm">${escapeHtml(username)}</a></span>
      <a id="logout-user" href="${ctx.base}/app/action/LogoutUser">Logout</a></div>`,
      body,
      `<script>
    var serverRoot = '${ctx.site.contextPath}';
    var csrfToken = '${csrf}';
    var xnatSim = ${JSON.stringify({ tokenTab: ctx.site.traits.tokenList, tabSetDelayMs: ctx.site.tabSetDelayMs })};
  </script>
  ${tags}`,
    ),
  );
  return true;
}

function layout(ctx: Ctx, title: string, userBar: string, body: string, scripts = ''): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>${escapeHtml(ctx.site.siteId)} -- ${escapeHtml(title)}</title>
  <link rel="stylesheet" href="${ctx.base}/style/xnat-sim/xnat.css">
  ${scripts}
</head>
<body>
  <div id="page_wrapper">
    <div id="header" class="main_header">
      <a id="header_logo" href="${ctx.base}/">XNAT</a>
      <span id="site-id">${escapeHtml(ctx.site.siteId)}</span>
      ${userBar}
    </div>
    <div id="main_nav"><ul class="nav"><li><a href="${ctx.base}/">Home</a></li><li><a href="#">New</a></li><li><a href="#">Upload</a></li><li><a href="#">Administer</a></li><li><a href="#">Tools</a></li><li><a href="#">Help</a></li></ul></div>
    <div id="layout_content">${body}</div>
    <div id="footer">Powered by XNAT (simulated for development and tests)</div>
  </div>
</body>
</html>`;
}

function loginPage(ctx: Ctx): string {
  const failed = ctx.url.searchParams.get('failed') === 'true';
  const back = escapeHtml(ctx.url.searchParams.get('redirect') ?? '');
  return layout(
    ctx,
    'Login',
    '',
    `<div id="login_area">
      <form id="login_form" name="form1" method="post" action="${ctx.base}/login">
        <h2>Log in to ${escapeHtml(ctx.site.siteId)}</h2>
        ${failed ? '<div class="error">Login attempt failed. Please try again.</div>' : ''}
        <p><label for="username">User</label><input type="text" id="username" name="username" autocomplete="username"></p>
        <p><label for="password">Password</label><input type="password" id="password" name="password" autocomplete="current-password"></p>
        <input type="hidden" name="redirect" value="${back}">
        <p><button type="submit" id="loginButton" class="btn primary">Login</button></p>
      </form>
    </div>`,
  );
}

function homeBody(ctx: Ctx): string {
  return `<h2>Welcome to ${escapeHtml(ctx.site.siteId)}</h2>
    <p>Projects: CNDA_DEMO, PET_PILOT.</p>
    <p><a href="${ctx.base}/app/template/XDATScreen_UpdateUser.vm#tab=alias-token-tab">Manage alias tokens</a></p>`;
}

function aliasTokenPanel(): string {
  return `<div class="panel panel-default">
        <div class="panel-heading"><h3 class="panel-title">Alias Tokens</h3></div>
        <div class="panel-body">
          <div class="message">Alias tokens let scripts and tools act as you without your password. A token expires after a
            time set by the site administrator. Use the token's alias as the user name and its secret as the password.</div>
          <p><button type="button" id="create-alias-token" class="btn primary">Create Alias Token</button></p>
          <div id="alias-token-table-container"></div>
        </div>
      </div>`;
}

/**
 * Like XNAT's XDATScreen_UpdateUser.vm: an empty tab container that userProfile.js fills after the
 * page loads (assets/user-profile.js), selecting the profile tab whatever the hash asked for.
 */
function profileBody(): string {
  return `<h2>User Profile</h2>
  <div id="user-profile-manager" class="xnat-tab-container"></div>
  <template id="alias-token-panel">${aliasTokenPanel()}</template>`;
}

function legacyBody(): string {
  return `<h2>Manage Alias Tokens</h2><div id="alias-token-page">${aliasTokenPanel()}</div>`;
}
