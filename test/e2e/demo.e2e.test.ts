// `npm run demo -- --headless` as a new user runs it: exits 0 by itself, says what it saw, leaves
// screenshots, and prints no secret.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const out = mkdtempSync(path.join(tmpdir(), 'xtt-demo-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('npm run demo -- --headless', () => {
  it('drives the whole flow in Chromium, reports it and writes the screenshots', {
    timeout: 150_000,
  }, async () => {
    const { stdout } = await promisify(execFile)(
      'npx',
      ['tsx', 'test/demo/run.ts', '--headless', '--port', '0', '--out', out],
      { cwd: path.resolve(import.meta.dirname, '../..'), timeout: 120_000 },
    );
    expect(stdout).toMatch(/✓ Opening Manage Alias Tokens: 44 of 44 rows have Copy as curl, 44 a countdown/);
    expect(stdout).toMatch(/✓ Clicking Copy as curl on nightly-sync: " ?curl -u '[0-9a-f-]{36}:<secret>' /);
    expect(stdout).toMatch(/✓ Listing tokens in the popup: 1 token you use listed, 43 others counted/);
    expect(stdout).toMatch(/✓ Running the copied command with curl: it printed 2 projects/);
    // Secrets are 64 letters and digits in the simulated XNAT; none may reach the terminal.
    expect(stdout).not.toMatch(/[0-9A-Za-z]{40,}/);
    for (const shot of ['token-page.png', 'copy-menu.png', 'popup.png', 'welcome.png'])
      expect(existsSync(path.join(out, shot)), shot).toBe(true);
  });

  it('without the browser, says the one apt-get line to run and exits non-zero', async () => {
    const run = promisify(execFile)('npx', ['tsx', 'test/demo/run.ts', '--headless', '--port', '0'], {
      cwd: path.resolve(import.meta.dirname, '../..'),
      env: { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium' },
    });
    await expect(run).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('sudo apt-get install -y chromium'),
    });
  });
});
