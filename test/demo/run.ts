// `npm run demo`: the extension against the simulated XNAT in one step. Builds the test build if
// needed, starts the simulated XNAT with a realistic token list, launches Debian's Chromium (or
// Firefox ESR) with the extension in a fresh profile, logs in, adds the server and opens its
// Manage Alias Tokens page.
//   --firefox   Firefox ESR instead of Chromium
//   --headless  no window (chosen by itself without a display): screenshots and a report, then exit
//   --port N    the simulated XNAT's port (8080; a free one if taken)
//   --out DIR   where the headless run writes its screenshots (test-results/demo)
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { CHROMIUM } from '../e2e/browser';
import { FIREFOX } from '../e2e/firefox-browser';
import { projectIdsIn } from '../fakes/copied-command';
import { seedDemoTokens } from '../xnat-server/demo-tokens';
import { DEMO_USER, type RunningXnat, start } from '../xnat-server/server';
import { build, buildDir, isBuildCurrent } from './build';
import { launchChromium } from './chromium-driver';
import { type DemoDriver, POPUP_READY } from './driver';
import { launchFirefox } from './firefox-driver';

const { values } = parseArgs({
  options: {
    firefox: { type: 'boolean', default: false },
    headless: { type: 'boolean', default: false },
    port: { type: 'string', default: '8080' },
    out: { type: 'string', default: 'test-results/demo' },
  },
});
const headless = values.headless || !(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const target = values.firefox ? 'firefox' : 'chrome';
const browserName = values.firefox ? 'Firefox ESR' : 'Chromium';
const executable = values.firefox ? FIREFOX : CHROMIUM;
const debianPackage = values.firefox ? 'firefox-esr' : 'chromium';
const outDir = path.resolve(values.out);
const PIPELINE_TOKENS = 40;

class DemoFailure extends Error {}

/** One line per step: what it did and what it saw, or why it stopped the demo. */
async function step<T>(what: string, run: () => Promise<T>, saw?: (result: T) => string): Promise<T> {
  try {
    const result = await run();
    console.log(`✓ ${what}${saw ? `: ${saw(result)}` : ''}`);
    return result;
  } catch (error) {
    throw new DemoFailure(`${what} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function startXnat(): Promise<RunningXnat> {
  const options = { contextPath: '/xnat', siteId: 'XNAT_DEMO' };
  try {
    return await start({ ...options, port: Number(values.port) });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    return start({ ...options, port: 0 });
  }
}

/** A command copied from the extension carries a live secret: shown with the secret hidden. */
function withoutSecret(command: string): string {
  return command.trim().replace(/(-u ')([^':]+):[^']+'/, "$1$2:<secret>'");
}

interface Running {
  driver: DemoDriver;
  serverId: string;
  /** The token the demo named nightly-sync: the one it copies. */
  copyAlias: string;
}

async function runDemo(cleanups: (() => Promise<unknown>)[]): Promise<Running> {
  if (!existsSync(executable))
    throw new DemoFailure(
      `${browserName} is not installed at ${executable}. Install Debian's package (the demo never downloads a browser):\n  sudo apt-get install -y ${debianPackage}`,
    );
  if (!isBuildCurrent(target)) await step(`Building the extension for ${browserName}`, () => build(target));
  const xnat = await step('Starting the simulated XNAT', startXnat, (x) => `${x.url}/`);
  cleanups.push(() => xnat.stop());
  const demo = seedDemoTokens(xnat.control, PIPELINE_TOKENS);
  const driver = await step(
    `Launching ${browserName}${headless ? ' (headless)' : ''} with the extension in a fresh profile`,
    () => (values.firefox ? launchFirefox : launchChromium)(buildDir(target), headless),
  );
  cleanups.unshift(() => driver.close());
  await step(`Logging in as ${DEMO_USER.username}`, () =>
    driver.logIn(xnat.url, DEMO_USER.username, DEMO_USER.password),
  );
  const tokenPage = `${xnat.url}/app/template/XDATScreen_UpdateUser.vm#tab=alias-token-tab`;
  const serverId = await step(
    'Adding the server, as "Add this XNAT" in the popup does',
    async () => {
      const added = await driver.ask('servers.add', { url: tokenPage });
      if (!added.ok) throw new Error(JSON.stringify(added.failure));
      return (added.value as { server: { id: string } }).server.id;
    },
    (id) => id,
  );
  await step(
    'Naming one token and asking for its reminder',
    async () => {
      const tokenId = demo.expiringSoon.id;
      for (const [type, payload] of [
        ['tokens.list', { serverId }],
        ['tokens.label', { serverId, tokenId, label: 'nightly-sync' }],
        ['tokens.watch', { serverId, tokenId, watched: true }],
      ] as const) {
        const reply = await driver.ask(type, payload);
        if (!reply.ok) throw new Error(`${type}: ${JSON.stringify(reply.failure)}`);
      }
    },
    () => '"nightly-sync" expires in 20 minutes',
  );
  await driver.refreshWelcome();
  await step(
    'Opening Manage Alias Tokens',
    () => driver.openTokenPage(tokenPage),
    (seen) =>
      `${seen.copy} of ${seen.rows} rows have Copy as curl, ${seen.countdown} a countdown (${demo.own.length} tokens of alice's own, ${demo.pipeline.length} from the container service)`,
  );
  return { driver, serverId, copyAlias: demo.expiringSoon.alias };
}

async function report({ driver, serverId, copyAlias }: Running): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const shot = (name: string) => path.join(outDir, name);
  const copied = await step(
    'Clicking Copy as curl on nightly-sync',
    () => driver.copyRow(copyAlias),
    (command) => `${JSON.stringify(withoutSecret(command))} (${command.length} characters)`,
  );
  await step('Screenshot of the decorated page', () => driver.screenshotTokenPage(shot('token-page.png')));
  await step('Opening its copy menu with the keyboard', () =>
    driver.screenshotCopyMenu(shot('copy-menu.png')),
  );
  await step(
    'Listing tokens in the popup',
    async () => {
      await driver.screenshotExtensionPage({
        pagePath: 'src/popup/index.html',
        ready: POPUP_READY,
        file: shot('popup.png'),
        size: { width: 420, height: 600 },
      });
      const listed = await driver.ask('tokens.list', { serverId });
      if (!listed.ok) throw new Error(JSON.stringify(listed.failure));
      return listed.value as { tokens: unknown[]; others: number };
    },
    ({ tokens, others }) =>
      `${tokens.length} ${tokens.length === 1 ? 'token' : 'tokens'} you use listed, ${others} others counted`,
  );
  await step('Screenshot of the welcome page', () =>
    driver.screenshotExtensionPage({
      pagePath: 'src/options/index.html?welcome',
      ready: 'main h1',
      file: shot('welcome.png'),
      size: { width: 900, height: 900 },
    }),
  );
  await step(
    'Running the copied command with curl',
    async () => {
      const { stdout } = await promisify(execFile)('bash', ['-c', copied]);
      const projects = projectIdsIn(stdout);
      if (projects.length === 0) throw new Error(`no projects in its output:\n${stdout}`);
      return projects;
    },
    (projects) => `it printed ${projects.length} projects (${projects.join(', ')})`,
  );
  console.log(`\nScreenshots: ${outDir}`);
}

async function main(): Promise<number> {
  const cleanups: (() => Promise<unknown>)[] = [];
  const cleanUp = async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup().catch(() => {});
  };
  const interrupted = new Promise<number>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve(130));
  });
  try {
    const running = await Promise.race([runDemo(cleanups), interrupted.then(() => null)]);
    if (!running) return 130;
    const { driver } = running;
    if (headless) {
      await report(running);
      return 0;
    }
    console.log(
      `\nManage Alias Tokens is open in ${browserName}. Log in again, if asked, as ${DEMO_USER.username} / ${DEMO_USER.password}.` +
        '\nThe extension’s toolbar button sits in the extensions menu (the puzzle piece): pin it, then click it for the popup.' +
        '\nCtrl-C here, or closing the browser, stops both.',
    );
    return await Promise.race([interrupted, driver.closed.then(() => 0)]);
  } catch (error) {
    console.error(`\n✗ ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await cleanUp();
  }
}

// Everything is closed by now; exit even if a library left a handle open.
process.exit(await main());
