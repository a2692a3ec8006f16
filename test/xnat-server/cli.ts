// `npm run xnat`: a simulated XNAT for trying the extension by hand and for screenshots.
// Options: --port 8080 --context /xnat --version 1.8|1.7|1.7.0 --guest
import { parseArgs } from 'node:util';
import { DEMO_USER, start } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8080' },
    context: { type: 'string', default: '/xnat' },
    version: { type: 'string', default: '1.8' },
    guest: { type: 'boolean', default: false },
  },
});
const version = values.version === '1.7' || values.version === '1.7.0' ? values.version : '1.8';
const running = await start({
  port: Number(values.port),
  contextPath: values.context === '/' ? '' : values.context,
  version,
  guestMode: values.guest,
  siteId: 'XNAT_DEMO',
});
seedDemoTokens(running.control.seedToken);
console.log(`Simulated XNAT ${version} at ${running.url}/`);
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
