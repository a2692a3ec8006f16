// One config for both builds and both test projects.
//   vite build --mode chrome | firefox      -> dist/chrome, dist/firefox (release manifests)
//   XTT_E2E=1 vite build --mode chrome      -> dist/chrome-e2e (grants http://127.0.0.1/* at install,
//                                              because tests cannot click a permission prompt)
//   vitest --project unit | e2e
// Entry files need distinct names: with two `main.ts` entries, crxjs's service-worker-loader
// imported the content script's chunk instead of the worker's (seen with crxjs 3.0.0).
import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import baseManifest from './manifest.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };
import { privacyPage } from './store/privacy-page.ts';

export const GECKO_ID = 'xnat-token-tools@xnat-token-tools.dev';

export function manifestFor(browser: 'chrome' | 'firefox', e2e: boolean): ManifestV3Export {
  const { background, permissions, ...rest } = baseManifest;
  // Tests cannot click a permission prompt: the test builds hold at install what the release asks for
  // on a click (the simulated XNAT's host, and clipboardRead for auto-clear).
  const common = {
    ...rest,
    version: pkg.version,
    ...(e2e
      ? {
          host_permissions: ['http://127.0.0.1/*'],
          permissions: [...permissions, 'clipboardRead'],
          optional_permissions: [],
        }
      : { permissions: [...permissions], optional_permissions: ['clipboardRead'] }),
  };
  if (browser === 'chrome') {
    // No other extension may message this one (web pages cannot either without `matches`).
    return { ...common, background, externally_connectable: { ids: [] } };
  }
  const firefox = {
    ...common,
    // crxjs reads background.scripts[0] for Firefox and emits background.scripts (seen with crxjs 3.0.0).
    background: { scripts: [background.service_worker], type: 'module' as const },
    permissions: common.permissions.filter((p) => p !== 'offscreen'),
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none' as const] },
      },
      // Firefox for Android is not tested (README): this key is here because without it AMO's
      // validator takes desktop's 140 for Android, where data_collection_permissions came in 142.
      // Android compatibility itself is chosen when submitting, and is left off.
      gecko_android: { strict_min_version: '142.0' },
    },
  };
  // crxjs's manifest type has no gecko_android yet; Firefox and web-ext lint know it.
  return firefox as unknown as ManifestV3Export;
}

/** A step on the written build (crxjs writes the manifest and the loader last). */
function afterWrite(name: string, step: (outDir: string) => Promise<void>): Plugin {
  let outDir = '';
  return {
    name,
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    writeBundle: () => step(outDir),
  };
}

/**
 * crxjs lists the run-time registered content script under web_accessible_resources for every
 * http(s) page. Registered scripts need no such entry (it is a classic IIFE without imports), and
 * exposing files to the web lets pages fingerprint the extension: none are exposed.
 */
const withoutWebAccessibleResources = () =>
  afterWrite('xtt:no-web-accessible-resources', async (outDir) => {
    const file = path.join(outDir, 'manifest.json');
    const manifest = JSON.parse(await readFile(file, 'utf8'));
    delete manifest.web_accessible_resources;
    await writeFile(file, `${JSON.stringify(manifest, null, 2)}\n`);
  });

/**
 * The worker's chunk is named by a hash that came out different for the same content built in
 * another folder (seen with crxjs 3.0.0 on rolldown): store reviewers rebuild the source and must get
 * the same files, so it gets a fixed name, and the loader that imports it follows.
 */
const reproducibleWorkerName = () =>
  afterWrite('xtt:reproducible-worker-name', async (outDir) => {
    const assets = path.join(outDir, 'assets');
    const hashed = (await readdir(assets)).find((f) => /^service-worker\.ts-[\w-]+\.js$/.test(f));
    if (!hashed) return;
    await rename(path.join(assets, hashed), path.join(assets, 'service-worker.js'));
    const loader = path.join(outDir, 'service-worker-loader.js');
    await writeFile(loader, (await readFile(loader, 'utf8')).replace(hashed, 'service-worker.js'));
  });

/** PRIVACY.md, shipped as privacy.html for the settings and the welcome page to link to. */
function privacyPolicyPage(): Plugin {
  return {
    name: 'xtt:privacy-page',
    apply: 'build',
    async generateBundle() {
      const markdown = await readFile(path.resolve(import.meta.dirname, 'PRIVACY.md'), 'utf8');
      this.emitFile({ type: 'asset', fileName: 'privacy.html', source: privacyPage(markdown) });
    },
  };
}

/**
 * Nothing here uses dangerouslySetInnerHTML (Biome forbids it), so preact's one innerHTML write is
 * replaced by a throw: the rule holds at run time too, and store linters see no innerHTML sink.
 */
function refuseDangerouslySetInnerHtml(): Plugin {
  return {
    name: 'xtt:refuse-dangerously-set-inner-html',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]preact[\\/]/.test(id) || !code.includes('.innerHTML=')) return null;
      return code.replace(
        /(\w+)\.innerHTML=(\w+)\.__html/g,
        '(()=>{throw new Error("dangerouslySetInnerHTML is not allowed")})()',
      );
    },
  };
}

export default defineConfig(({ mode }) => {
  const browser = mode === 'firefox' ? 'firefox' : 'chrome';
  const e2e = process.env.XTT_E2E === '1';
  const testing = Boolean(process.env.VITEST);
  return {
    plugins: [
      refuseDangerouslySetInnerHtml(),
      preact(),
      ...(testing
        ? []
        : [
            crx({ manifest: manifestFor(browser, e2e), browser }),
            withoutWebAccessibleResources(),
            reproducibleWorkerName(),
            privacyPolicyPage(),
          ]),
    ],
    build: {
      outDir: `dist/${browser}${e2e ? '-e2e' : ''}`,
      emptyOutDir: true,
      modulePreload: { polyfill: false },
      // crxjs builds only the HTML pages named in the manifest; the offscreen document is not one.
      rolldownOptions:
        browser === 'chrome' ? { input: { offscreen: 'src/platform/offscreen/index.html' } } : {},
    },
    test: {
      projects: [
        {
          extends: true,
          test: {
            name: 'unit',
            environment: 'happy-dom',
            include: ['test/**/*.test.{ts,tsx}'],
            exclude: ['test/e2e/**', 'test/release/**', 'test/bench/**', 'node_modules/**'],
            setupFiles: ['test/setup.ts'],
            restoreMocks: true,
          },
        },
        {
          extends: true,
          test: {
            name: 'release',
            environment: 'node',
            include: ['test/release/**/*.test.ts'],
          },
        },
        {
          extends: true,
          test: {
            name: 'e2e',
            environment: 'node',
            include: ['test/e2e/**/*.e2e.test.ts'],
            testTimeout: 60_000,
            hookTimeout: 120_000,
            fileParallelism: false,
            // A shared 2-core machine running a browser: what a page shows may take seconds to come.
            expect: { poll: { timeout: 10_000, interval: 100 } },
          },
        },
      ],
    },
  };
});
