// The real browser behind the BackgroundDeps interface.
import { alarms } from '../platform/alarms';
import { writeClipboard } from '../platform/clipboard';
import { contentScripts } from '../platform/content-scripts';
import { hostPermissions } from '../platform/permissions';
import { runtime } from '../platform/runtime';
import { storageArea } from '../platform/storage';
import type { BackgroundDeps } from './deps';

export function platformDeps(): BackgroundDeps {
  return {
    fetch: (input, init) => fetch(input, init),
    local: storageArea('local'),
    session: storageArea('session'),
    permissions: hostPermissions,
    contentScripts,
    clipboard: { write: writeClipboard },
    alarms,
    extensionId: runtime.id(),
    extensionOrigin: runtime.origin(),
    now: () => Date.now(),
  };
}
