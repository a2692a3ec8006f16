// The XNAT client for one server, with the worker's fetch (the browser session) and time-out.
import type { Server } from '../storage/schema';
import { createXnatClient, type XnatClient } from '../xnat/client';
import type { BackgroundDeps } from './deps';

export function client(deps: BackgroundDeps, server: Server): XnatClient {
  return createXnatClient(deps.fetch, server, { timeoutMs: deps.xnatTimeoutMs });
}
