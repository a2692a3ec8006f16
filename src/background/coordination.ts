// The one home of in-memory coordination in the worker: who waits for whom, and what runs once.
// All of it is per worker (per `deps`, so tests get a fresh worker each); nothing here must survive
// a stopped worker, and whatever must is in storage.
import type { BackgroundDeps } from './deps';

const memories = new WeakMap<BackgroundDeps, Map<string, unknown>>();

/** State a worker keeps while it lives, by name; created on first use. */
export function workerMemory<T>(deps: BackgroundDeps, name: string, create: () => T): T {
  const byName = memories.get(deps) ?? new Map<string, unknown>();
  memories.set(deps, byName);
  if (!byName.has(name)) byName.set(name, create());
  return byName.get(name) as T;
}

/** Runs `task` after every earlier task for this key has finished. */
export function serially<T>(deps: BackgroundDeps, key: string, task: () => Promise<T>): Promise<T> {
  const queues = workerMemory(deps, 'serially', () => new Map<string, Promise<unknown>>());
  const run = (queues.get(key) ?? Promise.resolve()).then(task, task);
  const tail = run.catch(() => undefined);
  queues.set(key, tail);
  void tail.then(() => {
    if (queues.get(key) === tail) queues.delete(key);
  });
  return run;
}

/** Joins a task already running for this key rather than starting a second (a double click). */
export function once<T>(deps: BackgroundDeps, key: string, task: () => Promise<T>): Promise<T> {
  const running = workerMemory(deps, 'once', () => new Map<string, Promise<unknown>>());
  const joined = running.get(key);
  if (joined) return joined as Promise<T>;
  const started = task().finally(() => running.delete(key));
  running.set(key, started);
  return started;
}
