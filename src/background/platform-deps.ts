// The real browser behind the BackgroundDeps interface.
import { alarms } from '../platform/alarms';
import { clearClipboardIfUnchanged, writeClipboard } from '../platform/clipboard';
import { contentScripts, injectPageScript } from '../platform/content-scripts';
import { t } from '../platform/i18n';
import { badge, notifications } from '../platform/notifications';
import { clipboardRead, hostPermissions } from '../platform/permissions';
import { runtime } from '../platform/runtime';
import { storageArea } from '../platform/storage';
import { openTab } from '../platform/tabs';
import type { BackgroundDeps } from './deps';

export function platformDeps(): BackgroundDeps {
  return {
    fetch: (input, init) => fetch(input, init),
    local: storageArea('local'),
    session: storageArea('session'),
    permissions: hostPermissions,
    contentScripts,
    clipboard: {
      write: writeClipboard,
      clearIfUnchanged: clearClipboardIfUnchanged,
      canRead: clipboardRead.granted,
    },
    alarms,
    notifications: {
      // Reminders offer a replacement; a running job's warning does not (its container holds the token).
      show: (id, content) =>
        notifications.show(
          id,
          content,
          id.startsWith('xtt|') ? t('notificationCreateReplacement') : undefined,
        ),
    },
    badge,
    openTab,
    injectPageScript,
    extensionId: runtime.id(),
    extensionOrigin: runtime.origin(),
    // A failure there has nowhere to go: the next list, copy or alarm tries again.
    afterReply: (task) => void task().catch(() => undefined),
    t,
    now: () => Date.now(),
  };
}
