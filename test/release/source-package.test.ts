// The source package, as a store reviewer uses it: unpacked in an empty folder, `npm ci` (the npm
// registry only) and `npm run build`, then compared with the release builds file by file. Run after
// `npm run package`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describedVersion } from '../../store/changelog';
import { DIST } from './bundle';

const root = path.resolve(import.meta.dirname, '../..');
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
const work = mkdtempSync(path.join(tmpdir(), 'xtt-source-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(path.join(dir, f)).isFile())
    .sort();
}

describe('the source package', () => {
  const zip = path.join(DIST, 'packages', `xnat-token-tools-source-${version}.zip`);

  it('holds the source and BUILDING.md, and nothing built or installed', () => {
    const listed = execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).split('\n').filter(Boolean);
    expect(listed).toEqual(
      expect.arrayContaining(['BUILDING.md', 'package-lock.json', 'src/background/service-worker.ts']),
    );
    expect(listed.filter((f) => /^(node_modules|dist)\//.test(f))).toEqual([]);
  });

  it('rebuilds to the same files as the release builds, for both browsers', () => {
    execFileSync('unzip', ['-q', zip, '-d', work]);
    // As a reviewer's shell would run it: none of this test runner's variables (vite.config.ts
    // leaves the extension plugins out under VITEST).
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !/^(VITEST|TEST$|NODE_ENV$)/.test(name)),
    );
    const quiet = { cwd: work, stdio: 'ignore' as const, env };
    execFileSync('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], quiet);
    execFileSync('npm', ['run', 'build'], quiet);
    for (const browser of ['chrome', 'firefox']) {
      const release = path.join(DIST, browser);
      const rebuilt = path.join(work, 'dist', browser);
      expect(filesUnder(rebuilt)).toEqual(filesUnder(release));
      const differing = filesUnder(release).filter(
        (f) => !readFileSync(path.join(release, f)).equals(readFileSync(path.join(rebuilt, f))),
      );
      expect(differing).toEqual([]);
    }
  }, 600_000);
});

describe('versions', () => {
  it('packaging refuses a version the changelog does not describe', () => {
    const changelog = readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8');
    expect(describedVersion(changelog, version)).toMatch(/^### Added/);
    expect(describedVersion(changelog, '9.9.9')).toBeNull();
    expect(describedVersion('## [1.0.0] - 2026-01-01\n\n### Added\n', '1.0.0')).toBeNull();
    expect(() =>
      execFileSync('npx', ['tsx', 'store/check-version.ts'], {
        cwd: root,
        stdio: 'pipe',
        env: { ...process.env },
      }),
    ).not.toThrow();
  });

  it('both browsers’ packages carry the one version', () => {
    for (const browser of ['chrome', 'firefox'])
      expect(JSON.parse(readFileSync(path.join(DIST, browser, 'manifest.json'), 'utf8')).version).toBe(
        version,
      );
  });
});
