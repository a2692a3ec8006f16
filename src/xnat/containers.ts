// XNAT's container service, as far as the extension needs it: which container holds which token.
// `GET /xapi/containers` (NrgXnat/container-service ContainerRestApi; fields from Container.java)
// lists the user's containers (an admin's: everyone's), each with its status, history, image,
// command line, project and environment, where XNAT_USER is the alias of the token the launch minted.
import { failed, ok, type Result } from '../result';
import { cleanText } from './names';
import { isAlias, isPlausibleTime } from './token';

export interface ContainerInfo {
  /** The alias of the token the container holds (its XNAT_USER). */
  alias: string;
  running: boolean;
  /** What it runs: the command line's program, or the image. Cleaned and capped for display. */
  what: string;
  project: string;
  /** Running: since it started; finished: when it finished (the server's clock). */
  since: number;
}

// Statuses the container service ends in; anything else (Created, Running, Staging, Finalizing,
// Waiting…) still has a job that may use its token.
const FINISHED = /^(complete|failed|killed|died|done)/i;

export function decodeContainers(raw: unknown): Result<ContainerInfo[]> {
  if (!Array.isArray(raw)) return failed('bad-response');
  const decoded: ContainerInfo[] = [];
  for (const entry of raw) {
    const info = decodeContainer(entry);
    if (info) decoded.push(info);
  }
  return ok(decoded);
}

function decodeContainer(raw: unknown): ContainerInfo | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const c = raw as Record<string, unknown>;
  const env = (typeof c.env === 'object' && c.env !== null ? c.env : {}) as Record<string, unknown>;
  if (!isAlias(env.XNAT_USER)) return null;
  const status = typeof c.status === 'string' ? c.status : '';
  const running = !FINISHED.test(status);
  const history = Array.isArray(c.history) ? c.history : [];
  const times = history
    .map((h) => (h as Record<string, unknown> | null)?.['time-recorded'])
    .filter(isPlausibleTime);
  const statusTime = isPlausibleTime(c['status-time']) ? c['status-time'] : null;
  const since = running
    ? times.length
      ? Math.min(...times)
      : statusTime
    : (statusTime ?? Math.max(0, ...times));
  if (!isPlausibleTime(since)) return null;
  return {
    alias: env.XNAT_USER,
    running,
    what: cleanText(
      programOf(c['command-line']) ?? (typeof c['docker-image'] === 'string' ? c['docker-image'] : ''),
      40,
    ),
    project: typeof c.project === 'string' ? cleanText(c.project, 40) : '',
    since,
  };
}

/** `dcm2niix -z y …` → `dcm2niix`; a path's last part. */
function programOf(commandLine: unknown): string | null {
  if (typeof commandLine !== 'string') return null;
  const first = commandLine.trim().split(/\s+/)[0] ?? '';
  const program = first.split('/').pop() ?? '';
  return program || null;
}
