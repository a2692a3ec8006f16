// `npm run xnat`: a simulated XNAT for trying the extension by hand and for screenshots.
// Options: --port 8080 --context /xnat --version 1.9|1.8|1.8.0|1.7|1.7.4|1.7.0 --guest
//          --restrict-user-list --session-cookie standard|secure|epoch
import { parseArgs } from 'node:util';
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
  },
});
if (!isVersionMode(values.version)) {
  console.error(`--version must be one of ${VERSION_MODES.join(', ')}`);
  process.exit(2);
}
const cookie = values['session-cookie'];
const running = await start({
  port: Number(values.port),
  contextPath: values.context === '/' ? '' : values.context,
  version: values.version,
  guestMode: values.guest,
  restrictUserList: values['restrict-user-list'],
  ...(cookie ? { sessionCookie: cookie as SessionCookieVariant } : {}),
  siteId: 'XNAT_DEMO',
});
seedDemoTokens(running.control.seedToken);
console.log(`Simulated XNAT ${values.version} at ${running.url}/`);
console.log(`Log in as ${DEMO_USER.username} / ${DEMO_USER.password}`);
console.log(`Tokens page: ${running.url}/app/template/XDATScreen_UpdateUser.vm#tab=alias-token-tab`);
console.log('Ctrl-C stops it.');

function seedDemoTokens(seed: typeof running.control.seedToken): void {
  const now = Date.now();
  const minute = 60_000;
  const day = 24 * 60 * minute;
  seed({ created: now - 2 * day + 20 * minute, expires: now + 20 * minute });
  seed({ created: now - 2 * day + 5 * 60 * minute, expires: now + 5 * 60 * minute });
  seed({ created: now - 6 * 60 * minute, expires: now - 6 * 60 * minute + 2 * day });
  seed({ created: now - minute, singleUse: true });
}
