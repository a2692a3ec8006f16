// Reads a built extension: its manifest, and the files each entry loads (following static imports).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export const DIST = path.resolve(import.meta.dirname, '../../dist');

/**
 * Size budgets (gzip, each entry with everything it loads), asserted by the release test and printed
 * by the bench. About 3 KB of each is webextension-polyfill, which the stack requires. The
 * background's was raised from 20 KB when it began to carry xnat-renew (a 3 KB shell program, gzipped,
 * written into the renewing .netrc it copies; a service worker cannot load it later with import()),
 * accounts, replace with its pending deletes, and the container service's job warnings.
 */
export const BUDGETS = { content: 10 * 1024, popup: 24 * 1024, background: 26 * 1024 } as const;

export function manifestOf(build: 'chrome' | 'firefox'): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(DIST, build, 'manifest.json'), 'utf8'));
}

/** Every JS file an entry loads, the entry first; imports are followed within the build folder. */
export function filesOf(build: string, entry: string): string[] {
  const root = path.join(DIST, build);
  const seen: string[] = [];
  const visit = (file: string) => {
    if (seen.includes(file)) return;
    seen.push(file);
    const code = readFileSync(path.join(root, file), 'utf8');
    for (const m of code.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g)) {
      visit(
        path.posix.normalize(path.posix.join(path.posix.dirname(file), m[1] as string)).replace(/^\//, ''),
      );
    }
  };
  visit(entry);
  return seen;
}

export function entryScripts(build: string): {
  background: string;
  content: string;
  popup: string;
  options: string;
} {
  const root = path.join(DIST, build);
  const scriptOf = (html: string) => {
    const src = /<script[^>]+src="([^"]+)"/.exec(readFileSync(path.join(root, html), 'utf8'))?.[1] ?? '';
    return src.replace(/^\//, '');
  };
  const manifest = JSON.parse(readFileSync(path.join(root, 'manifest.json'), 'utf8'));
  return {
    background: manifest.background.service_worker ?? manifest.background.scripts[0],
    content: 'src/content/content-script.js',
    popup: scriptOf('src/popup/index.html'),
    options: scriptOf('src/options/index.html'),
  };
}

export function gzipBytes(build: string, files: string[]): number {
  return files.reduce(
    (sum, file) => sum + gzipSync(readFileSync(path.join(DIST, build, file)), { level: 9 }).length,
    0,
  );
}
