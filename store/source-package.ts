// The source package addons.mozilla.org asks for: every file of the repository as it stands (tracked,
// or new and not ignored), with BUILDING.md, zipped beside the extension packages. Reviewers unpack
// it, run `npm ci && npm run build`, and must get the same files (test/release/source-package.test.ts).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
const out = path.join(root, 'dist/packages', `xnat-token-tools-source-${version}.zip`);
const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
  cwd: root,
  encoding: 'utf8',
})
  .split('\n')
  .filter((file) => file && existsSync(path.join(root, file)));
mkdirSync(path.dirname(out), { recursive: true });
rmSync(out, { force: true });
// -X: no extra file attributes; the list comes on stdin.
execFileSync('zip', ['-X', '-q', out, '-@'], { cwd: root, input: files.join('\n') });
console.log(`Source package: ${path.relative(root, out)} (${files.length} files)`);
