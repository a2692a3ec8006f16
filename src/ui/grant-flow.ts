// Adding a server, as the popup, the settings and the welcome page all do it. The host permission
// request is the first browser call of the user's click (Firefox drops the gesture after an await);
// the background is told first what the grant is for, so it adds the server even if the view closes
// while the browser asks (Firefox closes its popup), and is told again when the answer is no, so that
// a later grant of the same host never acts on an address the user gave up on.
import type { Reply } from '../messaging/protocol';
import type { Send } from '../messaging/send';
import { failed } from '../result';
import type { Server } from '../storage/schema';
import { hostPattern, serverAddress } from '../xnat/server-identity';

export interface GrantDeps {
  send: Send;
  /** The browser's permission prompt for one host. */
  requestHost(pattern: string): Promise<boolean>;
}

export type Added = Reply<{ server: Server; isNew: boolean }>;

/**
 * Call it inside the click or submit handler, before any await. `input` is whatever the user gave
 * (any page of the server, with or without a scheme): only the server's address, never a query or
 * fragment, reaches the background. `granted`: the host is granted already, so no prompt.
 */
export function addServer(
  deps: GrantDeps,
  input: string,
  options: { tabId?: number; granted?: boolean } = {},
) {
  const url = serverAddress(input);
  const pattern = url && hostPattern(url);
  if (!url || !pattern) return Promise.resolve<Added>(failed('bad-url'));
  const request = options.tabId === undefined ? { url } : { url, tabId: options.tabId };
  if (options.granted) return deps.send('servers.add', request);
  void deps.send('servers.intend', request);
  const answer = deps.requestHost(pattern);
  return (async (): Promise<Added> => {
    if (!(await answer.catch(() => false))) {
      void deps.send('servers.cancelIntent', { url });
      return failed('grant-refused');
    }
    return deps.send('servers.add', request);
  })();
}
