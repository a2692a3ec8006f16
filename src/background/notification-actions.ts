// What a click on a reminder does: open that server's token page, or (Chrome's button) create a
// replacement token and copy its command in the default format.
import { createToken } from './create';
import type { BackgroundDeps } from './deps';
import { parseNotificationId } from './reminders';
import { requireServer } from './servers';

export async function openTokenPage(deps: BackgroundDeps, notificationId: string): Promise<void> {
  const parsed = parseNotificationId(notificationId);
  const server = parsed && (await requireServer(deps, parsed.serverId));
  if (server?.ok)
    await deps.openTab(`${server.value.id}/app/template/XDATScreen_UpdateUser.vm#tab=alias-token-tab`);
}

export async function createReplacement(deps: BackgroundDeps, notificationId: string): Promise<void> {
  const parsed = parseNotificationId(notificationId);
  const server = parsed && (await requireServer(deps, parsed.serverId));
  if (!server?.ok) return;
  const created = await createToken(deps, server.value, { copy: true });
  await deps.notifications.show(notificationId, {
    title: `${server.value.siteId}: ${created.ok ? 'replacement token created' : 'no replacement token'}`,
    message: created.ok
      ? created.value.copy?.ok
        ? `Its ${created.value.copy.value.label} command is on the clipboard.`
        : 'It was created, but its command could not be copied; copy it from the popup.'
      : created.failure.message,
  });
}
