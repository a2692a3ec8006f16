// The built release manifests against the README's permission table and its security rules, and the
// size budgets of each entry (issue 9, issue 10). Run after `npm run build`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUDGETS, DIST, entryScripts, filesOf, gzipBytes, manifestOf } from './bundle';

/** The permissions the README's table names (first column, in backticks), with "Chrome only" and "optional" marks. */
function readmePermissions(): { all: string[]; chromeOnly: string[]; optional: string[] } {
  const readme = readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');
  const section = readme.slice(
    readme.indexOf('## Permissions'),
    readme.indexOf('\n## ', readme.indexOf('## Permissions') + 5),
  );
  const rows = section.split('\n').filter((line) => /^\| `[a-zA-Z]+`/.test(line));
  const name = (row: string) => /^\| `([a-zA-Z]+)`/.exec(row)?.[1] as string;
  const optional = rows.filter((r) => /^\| `[a-zA-Z]+` \(optional/.test(r)).map(name);
  return {
    all: rows.map(name).filter((p) => !optional.includes(p)),
    chromeOnly: rows.filter((r) => /Chrome only/.test(r)).map(name),
    optional,
  };
}

describe.each(['chrome', 'firefox'] as const)('the %s release manifest', (build) => {
  const manifest = manifestOf(build);
  const readme = readmePermissions();

  it('asks for exactly the permissions the README explains', () => {
    const expected =
      build === 'chrome' ? readme.all : readme.all.filter((p) => !readme.chromeOnly.includes(p));
    expect([...(manifest.permissions as string[])].sort()).toEqual([...expected].sort());
    expect(manifest.optional_permissions).toEqual(readme.optional);
  });

  it('has no static host access: every XNAT host is granted on a click', () => {
    expect(manifest.host_permissions).toBeUndefined();
    expect(manifest.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);
    expect(JSON.stringify(manifest)).not.toContain('<all_urls>');
  });

  it('has no static content scripts, nothing web-accessible, and the default CSP', () => {
    expect(manifest.content_scripts).toBeUndefined();
    expect(manifest.web_accessible_resources).toBeUndefined();
    expect(manifest.content_security_policy).toBeUndefined();
  });

  it('is versioned from package.json', () => {
    const pkg = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8'));
    expect(manifest.version).toBe(pkg.version);
  });

  it('ships no innerHTML write, eval or remote script', () => {
    for (const entry of Object.values(entryScripts(build))) {
      for (const file of filesOf(build, entry)) {
        const code = readFileSync(path.join(DIST, build, file), 'utf8');
        expect(code, file).not.toMatch(
          /\.innerHTML\s*=[^=]|\beval\(|new Function\(|https?:\/\/[^"'`\s]*\.js\b/,
        );
      }
    }
  });
});

describe('browser specifics', () => {
  it('Chrome: a module service worker, closed to other extensions', () => {
    const manifest = manifestOf('chrome');
    expect(manifest.background).toEqual({ service_worker: 'service-worker-loader.js', type: 'module' });
    expect(manifest.externally_connectable).toEqual({ ids: [] });
  });

  it('Firefox: background scripts, a gecko id and no data collection', () => {
    const manifest = manifestOf('firefox') as {
      background: object;
      browser_specific_settings: { gecko: object };
    };
    expect(manifest.background).toEqual({ scripts: ['service-worker-loader.js'], type: 'module' });
    expect(manifest.browser_specific_settings.gecko).toMatchObject({
      id: expect.stringMatching(/@/),
      data_collection_permissions: { required: ['none'] },
    });
    // Only what AMO's validator needs for Android (untested there; not marked compatible when submitting).
    expect(manifest.browser_specific_settings).toMatchObject({
      gecko_android: { strict_min_version: '142.0' },
    });
  });
});

describe('size budgets (gzip, each entry with everything it loads)', () => {
  it.each(Object.entries(BUDGETS))('%s stays within %i bytes', (entry, budget) => {
    const scripts = entryScripts('chrome');
    const bytes = gzipBytes('chrome', filesOf('chrome', scripts[entry as keyof typeof BUDGETS]));
    expect(bytes).toBeLessThanOrEqual(budget);
  });
});
