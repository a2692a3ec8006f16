// The XNAT client for one server, with the worker's fetch (the browser session) and time-out.
import type { ServerView } from '../messaging/protocol';
import { createXnatClient, type XnatClient } from '../xnat/client';
import type { BackgroundDeps } from './deps';

export function client(deps: BackgroundDeps, server: ServerView): XnatClient {
  return createXnatClient(deps.fetch, server, { timeoutMs: deps.xnatTimeoutMs });
}
