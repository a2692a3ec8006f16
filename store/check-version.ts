// `npm run package` starts here: no package for a version the changelog does not describe.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describedVersion } from './changelog';

const root = path.resolve(import.meta.dirname, '..');
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
if (!describedVersion(readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8'), version)) {
  console.error(
    `CHANGELOG.md has no entry for ${version}: add "## [${version}] - <date>" with what changed.`,
  );
  process.exit(1);
}
console.log(`Packaging ${version}, as CHANGELOG.md describes it.`);
