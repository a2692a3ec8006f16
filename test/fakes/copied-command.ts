// Running a copied command for real, and reading the simulated XNAT's project CSV it prints.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { PROJECTS } from '../xnat-server/api-site';

const run = promisify(execFile);

export const PROJECT_IDS = PROJECTS.map((p) => p.ID);

/** The first column of `/data/projects?format=csv`, header left out. */
export function projectIdsIn(csv: string): string[] {
  return csv
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(',')[0] as string);
}

/** Runs a copied script with bash and returns the project ids it printed. */
export async function runCopied(script: string): Promise<string[]> {
  const { stdout } = await run('bash', ['-c', script]);
  return projectIdsIn(stdout);
}

/**
 * Runs a copied script with bash and only the environment given (PATH always), as a fresh terminal
 * would: what it printed, and its exit code whether or not it failed.
 */
export async function runBash(
  script: string,
  env: Record<string, string> = {},
): Promise<{ stdout: string; code: number }> {
  try {
    const { stdout } = await run('bash', ['-c', script], { env: { PATH: process.env.PATH ?? '', ...env } });
    return { stdout, code: 0 };
  } catch (error) {
    const e = error as { stdout: string; code: number };
    return { stdout: e.stdout, code: e.code };
  }
}
