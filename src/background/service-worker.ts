// Service worker entry. Listeners are registered synchronously at the top level, so a worker that
// was stopped and is woken by an event gets that event. Nothing that matters lives only in memory.
import { alarms } from '../platform/alarms';
import { notifications } from '../platform/notifications';
import { hostPermissions } from '../platform/permissions';
import { runtime } from '../platform/runtime';
import { keepLocalStorageFromPages } from '../platform/storage';
import { CLIPBOARD_CLEAR_ALARM, clearClipboard } from './copy';
import { onPermissionsRemoved, reconcile } from './grants';
import { onPermissionsAdded } from './intents';
import { createReplacement, openTokenPageOf } from './notification-actions';
import { DELETE_ALARM, runDueDeletes, scheduleDeletes } from './pending-deletes';
import { platformDeps } from './platform-deps';
import { REMINDER_ALARM, runReminders, scheduleReminders } from './reminders';
import { createRequests } from './requests';
import { createRouter } from './router';
import { welcomeOnce } from './welcome';

// First, before any page script can ask: what the extension stores is for its own contexts only.
void keepLocalStorageFromPages();
const deps = platformDeps();
const route = createRouter(deps, createRequests(deps));

runtime.onMessage((message, sender) => route(message, sender));
hostPermissions.onAdded((patterns) => void onPermissionsAdded(deps, patterns));
hostPermissions.onRemoved((patterns) => void onPermissionsRemoved(deps, patterns));
alarms.onAlarm((name) => {
  if (name === CLIPBOARD_CLEAR_ALARM) void clearClipboard(deps);
  if (name === REMINDER_ALARM) void runReminders(deps);
  if (name === DELETE_ALARM) void runDueDeletes(deps);
});
notifications.onClicked((id) => void openTokenPageOf(deps, id));
notifications.onButtonClicked((id) => void createReplacement(deps, id));
// Alarms are not guaranteed to survive a browser restart; rebuild them from storage, and send the
// reminders that fell due while the browser was closed.
runtime.onStartup(() => void reconcile(deps).then(() => runReminders(deps)));
// A disable-then-enable fires neither event, and a site's access withdrawn while the extension was
// off sends no permissions.onRemoved: every worker start checks grants against servers, page-script
// registrations and the reminder alarm. Local work only, no request to XNAT.
void reconcile(deps)
  .then(() => scheduleReminders(deps))
  .then(() => scheduleDeletes(deps))
  .catch((error: unknown) => console.warn('XNAT Token Tools: start-up check failed', error));
runtime.onFirstInstall(() => void welcomeOnce(deps, runtime.optionsPageUrl('welcome')));
