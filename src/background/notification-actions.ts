// What a click on a reminder does: open that server's token page, or (Chrome's button) create a
// replacement token and copy its command in the default format.

import { failureText } from '../i18n/failures';
import { formatWords } from '../i18n/formats';
import { serverTitle } from '../xnat/names';
import { createToken } from './create';
import type { BackgroundDeps } from './deps';
import { parseNotificationId } from './reminders';
import { requireServer } from './servers';
import { openTokenPage } from './token-page';

export async function openTokenPageOf(deps: BackgroundDeps, notificationId: string): Promise<void> {
  const parsed = parseNotificationId(notificationId);
  const server = parsed && (await requireServer(deps, parsed.serverId));
  if (server?.ok) await openTokenPage(deps, server.value);
}

export async function createReplacement(deps: BackgroundDeps, notificationId: string): Promise<void> {
  const parsed = parseNotificationId(notificationId);
  // A job's warning has no such button: the container, not the user, holds that token.
  if (!parsed || parsed.jobs) return;
  const server = await requireServer(deps, parsed.serverId);
  if (!server.ok) return;
  const created = await createToken(deps, server.value, { copy: true });
  const { t } = deps;
  const copy = created.ok ? created.value.copy : null;
  await deps.notifications.show(notificationId, {
    title: t(created.ok ? 'notificationReplaced' : 'notificationNotReplaced', serverTitle(server.value)),
    message: !created.ok
      ? failureText(created.failure, t)
      : copy?.ok
        ? formatWords(copy.value.format, t).copied(t('popupTheNewToken'))
        : t('notificationReplacementNotCopied'),
  });
}
