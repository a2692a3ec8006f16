import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR, type ExtensionBrowser, launchWithExtension } from './browser';

let browser: ExtensionBrowser;

beforeAll(async () => {
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No build at ${EXTENSION_DIR}: run npm run build:e2e first.`);
  }
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
});

describe('the built extension in headless Chromium', () => {
  it('starts its module service worker', () => {
    expect(browser.worker.url()).toBe(browser.extensionUrl('service-worker-loader.js'));
  });

  it('renders its popup page', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(browser.extensionUrl('src/popup/index.html'));
    await expect.poll(() => popup.locator('h1').textContent()).toBe('XNAT Token Tools');
    await popup.close();
  });
});
