// @vitest-environment node
// The layers ARCHITECTURE.md names, enforced: every relative import in src/ goes from one layer to a
// layer it may import. Biome's noRestrictedImports covers some of these on save; this covers them all.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../src');

type Layer = 'pure' | 'platform' | 'background' | 'popup' | 'options' | 'content';

/** ARCHITECTURE.md, "Folders": what each layer may import. */
const MAY_IMPORT: Record<Layer, Layer[]> = {
  pure: ['pure'],
  platform: ['pure', 'platform'],
  background: ['pure', 'platform', 'background'],
  popup: ['pure', 'platform', 'popup'],
  options: ['pure', 'platform', 'options'],
  content: ['pure', 'platform', 'content'],
};

function layerOf(file: string): Layer {
  const rel = path.relative(SRC, file).split(path.sep).join('/');
  if (rel === 'content/page.ts' || rel === 'result.ts') return 'pure';
  const top = rel.split('/')[0] ?? '';
  if (['xnat', 'snippets', 'expiry', 'i18n', 'storage', 'messaging', 'ui'].includes(top)) return 'pure';
  if (['platform', 'background', 'popup', 'options', 'content'].includes(top)) return top as Layer;
  throw new Error(`${rel} belongs to no layer: add it to ARCHITECTURE.md and to this test`);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

/** Relative imports of a file inside src/, resolved to files as the bundler would. */
function importsOf(file: string, text: string): string[] {
  const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g)];
  return (
    specifiers
      .map((m) => m[1] ?? '')
      // `?iife` and the like give a built file's path, not its code (the page script's registration).
      .filter((s) => s.startsWith('.') && !s.includes('?'))
      .map((s) => path.resolve(path.dirname(file), s))
      .filter((target) => target.startsWith(`${SRC}${path.sep}`))
      .map((target) => ['', '.ts', '.tsx'].map((ext) => target + ext).find(isFile) ?? `${target}.ts`)
      .filter((target) => /\.tsx?$/.test(target))
  );
}

const isFile = (candidate: string) => existsSync(candidate) && statSync(candidate).isFile();

function violations(files: string[], read = (file: string) => readFileSync(file, 'utf8')): string[] {
  return files.flatMap((file) =>
    importsOf(file, read(file))
      .filter((target) => !MAY_IMPORT[layerOf(file)].includes(layerOf(target)))
      .map((target) => `${path.relative(SRC, file)} → ${path.relative(SRC, target)}`),
  );
}

describe('layers', () => {
  it('every import in src/ stays within what its layer may import', () => {
    expect(violations(sourceFiles(SRC))).toEqual([]);
  });

  it.each([
    ['background', 'popup/model.ts', 'background/tokens.ts'],
    ['options', 'popup/model.ts', 'options/controller.ts'],
    ['popup', 'content/decorate.ts', 'popup/load.ts'],
    ['a pure module', 'platform/storage.ts', 'storage/store.ts'],
  ])('a planted import from %s is caught', (_, target, from) => {
    const file = path.join(SRC, from);
    const relative = path.relative(path.dirname(file), path.join(SRC, target)).replace(/\.ts$/, '');
    const planted = `import { x } from './${relative}';\n${readFileSync(file, 'utf8')}`;
    expect(violations([file], () => planted)).toContain(`${from} → ${target}`);
  });
});
