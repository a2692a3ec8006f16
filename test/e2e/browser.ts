// Launches Debian's Chromium with the e2e build of the extension (never a downloaded browser).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import type { Reply, RequestOf, RequestType, ResponseOf } from '../../src/messaging/protocol';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const EXTENSION_DIR = path.resolve(
  process.env.EXT_DIST ?? path.join(import.meta.dirname, '../../dist/chrome-e2e'),
);

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  extensionUrl(page: string): string;
  close(): Promise<void>;
}

export interface LaunchOptions {
  colorScheme?: 'light' | 'dark';
  /** The e2e build unless told: the release build asks for hosts where the e2e build holds them. */
  extensionDir?: string;
  /** A profile to reuse, as after a browser restart; the caller removes it. Fresh and removed if unset. */
  userDataDir?: string;
  headless?: boolean;
  /** The browser's UI language (the extension's words follow it), e.g. `de`. */
  language?: string;
}

export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  const userDataDir = options.userDataDir ?? mkdtempSync(path.join(tmpdir(), 'xtt-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: options.headless ?? true,
    // A headed window keeps its own size, as a person's browser does.
    ...(options.headless === false ? { viewport: null } : {}),
    colorScheme: options.colorScheme ?? 'light',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...(options.language ? [`--lang=${options.language}`] : []),
    ],
    ...(options.language
      ? { locale: options.language, env: { ...process.env, LANGUAGE: options.language } }
      : {}),
  });
  const worker =
    context.serviceWorkers()[0] ??
    (await context.waitForEvent('serviceworker').catch(async (error) => {
      await context.close();
      if (!options.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
      throw new Error(`the extension at ${extensionDir} started no service worker: ${error.message}`);
    }));
  // A locator read inside expect.poll must give up no later than the poll does, so that the poll can
  // ask again (Playwright's own default is 30 s); navigations keep their 30 s.
  context.setDefaultTimeout(10_000);
  context.setDefaultNavigationTimeout(30_000);
  // The id depends on the folder's absolute path, so it is read, never hard-coded.
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    extensionUrl: (page) => `chrome-extension://${extensionId}/${page}`,
    close: async () => {
      await context.close();
      if (!options.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export type Ask = ReturnType<typeof askFrom>;

/** Asks the background as the extension's own pages do (`view` is one of them). */
export function askFrom(view: Page) {
  return <K extends RequestType>(type: K, payload: RequestOf<K>): Promise<Reply<ResponseOf<K>>> =>
    view.evaluate(([t, p]) => chrome.runtime.sendMessage({ type: t, payload: p }), [type, payload] as const);
}

/** Evaluates an expression in the page script's isolated world of a decorated page (through CDP). */
export async function inPageScriptWorld(
  browser: ExtensionBrowser,
  page: Page,
  expression: string,
): Promise<unknown> {
  const cdp = await browser.context.newCDPSession(page);
  const contexts: { id: number; origin: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
  await cdp.send('Runtime.enable');
  const isolated = contexts.find(
    (c) => c.auxData?.type === 'isolated' && c.origin === `chrome-extension://${browser.extensionId}`,
  );
  if (!isolated) throw new Error('no page script world in this page');
  const { result } = await cdp.send('Runtime.evaluate', {
    contextId: isolated.id,
    expression,
    awaitPromise: true,
    returnByValue: true,
  });
  await cdp.detach();
  return result.value;
}

/** Log in through the simulated XNAT's form, as a person would. */
export async function logInPage(
  page: Page,
  base: string,
  username = 'alice',
  password = 'alice-pass',
): Promise<void> {
  await page.goto(`${base}/app/template/Login.vm`);
  await page.fill('#username', username);
  await page.fill('#password', password);
  await Promise.all([page.waitForURL(`${base}/`), page.click('#loginButton')]);
}

/**
 * Where most tests start, as a person would: logged in to each XNAT in `logIn`, then each of `add`
 * (all of them unless told) added from an extension page, which stays open for asking the background.
 */
export async function logInAndAdd(
  browser: ExtensionBrowser,
  logIn: { url: string }[],
  add: { url: string }[] = logIn,
): Promise<{ view: Page; ask: Ask }> {
  const view = await browser.context.newPage();
  for (const xnat of logIn) await logInPage(view, xnat.url);
  await view.goto(browser.extensionUrl('src/popup/index.html'));
  const ask = askFrom(view);
  for (const xnat of add) {
    const added = await ask('servers.add', { url: `${xnat.url}/` });
    if (!added.ok) throw new Error(`adding ${xnat.url}: ${JSON.stringify(added.failure)}`);
  }
  return { view, ask };
}

/** Screenshots for the README are refreshed with UPDATE_SCREENSHOTS=1; otherwise they go to test-results/. */
export function screenshotPath(name: string): string {
  const dir =
    process.env.UPDATE_SCREENSHOTS === '1'
      ? path.join(import.meta.dirname, 'screenshots')
      : path.resolve('test-results');
  return path.join(dir, name);
}

/** Clicks inside a closed shadow root, where selectors cannot reach: at a point of the host's box. */
export async function clickHost(
  page: Page,
  selector: string,
  index: number,
  at: { x: number } = { x: 12 },
): Promise<void> {
  const box = await page.locator(selector).nth(index).boundingBox();
  if (!box) throw new Error(`${selector} #${index} is not visible`);
  await page.mouse.click(box.x + at.x, box.y + box.height / 2);
}

interface CdpNode {
  nodeName: string;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

/** The text inside each closed shadow root of our hosts of one kind, read through DevTools (which sees them). */
export async function shadowTexts(page: Page, kind: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
  await cdp.detach();
  const texts: string[] = [];
  const textOf = (node: CdpNode): string =>
    node.nodeName === 'STYLE'
      ? ''
      : (node.nodeValue ?? '') + [...(node.children ?? []), ...(node.shadowRoots ?? [])].map(textOf).join('');
  const walk = (node: CdpNode) => {
    const attrs = node.attributes ?? [];
    const kindAt = attrs.indexOf('data-xtt');
    if (node.nodeName === 'XNAT-TOKEN-TOOLS' && kindAt >= 0 && attrs[kindAt + 1] === kind) {
      texts.push((node.shadowRoots ?? []).map(textOf).join('').trim());
      return;
    }
    for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) walk(child);
  };
  walk(root);
  return texts;
}
