// Runs snippets through real bash with `curl` replaced by a function that records its argv, so a
// test sees exactly the arguments the shell would hand to curl. HOME is a fresh folder each run.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const FAKE_SESSION = 'FAKESESSION0123';

/** For each script, the argv of every curl call it made, in order; `inHome` reads files it left. */
export async function curlCallsInBash(
  scripts: string[],
  env: Record<string, string> = {},
  inHome?: (home: string) => void,
): Promise<string[][][]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'xtt-argv-'));
  const log = path.join(dir, 'argv');
  const body = [
    `curl() { for a in "$@"; do printf '%s\\0' "$a"; done >> "$ARGLOG"; printf '\\1' >> "$ARGLOG"; echo ${FAKE_SESSION}; }`,
    ...scripts.map((s) => `${s}\nprintf '\\2' >> "$ARGLOG"`),
  ].join('\n');
  try {
    await run('bash', ['-c', body], {
      env: { PATH: process.env.PATH ?? '', HOME: dir, ARGLOG: log, ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
    inHome?.(dir);
    const text = readFileSync(log, 'utf8');
    return text
      .split('\u0002')
      .slice(0, scripts.length)
      .map((perScript) =>
        perScript
          .split('\u0001')
          .slice(0, -1)
          .map((call) => call.split('\0').slice(0, -1)),
      );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
