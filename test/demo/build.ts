// The demo runs the test build (it holds 127.0.0.1 at install): built here when missing or older
// than the sources, so `npm ci && npm run demo` needs nothing else.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SOURCES = ['src', 'public', 'manifest.json', 'vite.config.ts', 'package.json'];

export type BuildTarget = 'chrome' | 'firefox';

export const buildDir = (target: BuildTarget) => path.join(ROOT, 'dist', `${target}-e2e`);

function newestChange(entry: string): number {
  const stats = statSync(entry);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(stats.mtimeMs, ...readdirSync(entry).map((name) => newestChange(path.join(entry, name))));
}

export function isBuildCurrent(target: BuildTarget): boolean {
  const manifest = path.join(buildDir(target), 'manifest.json');
  if (!existsSync(manifest)) return false;
  const built = statSync(manifest).mtimeMs;
  return SOURCES.every((source) => newestChange(path.join(ROOT, source)) <= built);
}

/** Started from a test, the environment says VITEST, and the config would then build for tests. */
function buildEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST')));
  return { ...env, NODE_ENV: 'production', XTT_E2E: '1' };
}

/** Runs vite; its output is shown only when it fails. */
export function build(target: BuildTarget): Promise<void> {
  return new Promise((resolve, reject) => {
    const vite = spawn('npx', ['vite', 'build', '--mode', target], {
      cwd: ROOT,
      env: buildEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    vite.stdout.on('data', (chunk) => {
      output += chunk;
    });
    vite.stderr.on('data', (chunk) => {
      output += chunk;
    });
    vite.on('error', reject);
    vite.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`vite build failed:\n${output.trim()}`)),
    );
  });
}
