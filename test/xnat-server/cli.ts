// `npm run xnat`: a simulated XNAT for trying the extension by hand and for screenshots.
// Options: --port 8080 --context /xnat --version 1.9|1.8|1.8.0|1.7|1.7.4|1.7.0 --guest
//          --restrict-user-list --session-cookie standard|secure|epoch
//          --token-lifetime 2d (XNAT's aliasTokenTimeout: 12h, 2d, 30d) --burst 300 (container tokens)
import { parseArgs } from 'node:util';
import { seedDemoTokens } from './demo-tokens';
import { DEMO_USER, start } from './server';
import { isVersionMode, type SessionCookieVariant, VERSION_MODES } from './versions';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8080' },
    context: { type: 'string', default: '/xnat' },
    version: { type: 'string', default: '1.8' },
    guest: { type: 'boolean', default: false },
    'restrict-user-list': { type: 'boolean', default: false },
    'session-cookie': { type: 'string' },
    'token-lifetime': { type: 'string', default: '2d' },
    burst: { type: 'string', default: '0' },
  },
});
function fail(why: string): never {
  console.error(why);
  process.exit(2);
}
const version = values.version;
if (!isVersionMode(version)) fail(`--version must be one of ${VERSION_MODES.join(', ')}`);
const lifetime =
  /^(\d+)([hd])$/.exec(values['token-lifetime']) ?? fail('--token-lifetime is like 12h or 30d');
const burst = Number(values.burst);
if (!Number.isInteger(burst) || burst < 0) fail('--burst is a number of tokens');
const cookie = values['session-cookie'];
const running = await start({
  port: Number(values.port),
  contextPath: values.context === '/' ? '' : values.context,
  version,
  guestMode: values.guest,
  restrictUserList: values['restrict-user-list'],
  tokenLifetimeMs: Number(lifetime[1]) * (lifetime[2] === 'd' ? 24 : 1) * 3_600_000,
  ...(cookie ? { sessionCookie: cookie as SessionCookieVariant } : {}),
  siteId: 'XNAT_DEMO',
});
seedDemoTokens(running.control, burst);
console.log(`Simulated XNAT ${version} at ${running.url}/`);
console.log(`Log in as ${DEMO_USER.username} / ${DEMO_USER.password}`);
console.log(`Tokens page: ${running.url}/app/template/XDATScreen_UpdateUser.vm#tab=alias-token-tab`);
if (burst) console.log(`${burst} container-service tokens seeded`);
console.log('Ctrl-C stops it.');
