// Launches Debian's Chromium with the e2e build of the extension (never a downloaded browser).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';

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

export async function launchWithExtension(
  options: { colorScheme?: 'light' | 'dark' } = {},
): Promise<ExtensionBrowser> {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'xtt-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    colorScheme: options.colorScheme ?? 'light',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  // The id depends on the folder's absolute path, so it is read, never hard-coded.
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    extensionUrl: (page) => `chrome-extension://${extensionId}/${page}`,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
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
