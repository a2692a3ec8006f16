// One version for both browsers (package.json's, written into both manifests), and packaging
// refuses a version CHANGELOG.md does not describe (Keep a Changelog: `## [1.2.0] - 2026-12-04`).

/** The changelog's section for this version, or null when it has none (or an empty one). */
export function describedVersion(changelog: string, version: string): string | null {
  const heading = new RegExp(`^## \\[${version.replace(/\./g, '\\.')}\\] - \\d{4}-\\d{2}-\\d{2}$`, 'm');
  const start = changelog.search(heading);
  if (start < 0) return null;
  const rest = changelog.slice(start).split('\n').slice(1);
  const end = rest.findIndex((line) => line.startsWith('## '));
  const body = (end < 0 ? rest : rest.slice(0, end)).join('\n').trim();
  return /^- /m.test(body) ? body : null;
}
