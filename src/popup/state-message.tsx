import { failureText } from '../i18n/failures';
import type { MessageKey, Strings } from '../i18n/strings';
import type { Failure } from '../result';
import type { PopupActions } from './controller';

/** Failures after which nothing on the server can work until the user acts. */
const BLOCKING: ReadonlySet<Failure['kind']> = new Set([
  'logged-out',
  'no-permission',
  'network',
  'timeout',
  'server-error',
  'not-xnat',
  'redirected',
]);

/** Why the server's actions are off, in words, or null when they may work. */
export function blockedReason(failure: Failure | null, t: Strings): string | null {
  return failure && BLOCKING.has(failure.kind) ? failureText(failure, t) : null;
}

/** Each failure in its own words, with the one action that helps. */
export function StateMessage({
  id,
  serverId,
  failure,
  actions,
  t,
}: {
  id: string;
  serverId: string;
  failure: Failure;
  actions: PopupActions;
  t: Strings;
}) {
  const retry: [MessageKey, () => void] = ['stateRetry', () => void actions.refresh(serverId)];
  const action: Partial<Record<Failure['kind'], [MessageKey, () => void] | null>> = {
    'logged-out': ['stateLoggedOutAction', () => actions.openLogin(serverId)],
    'no-permission': ['stateNoPermissionAction', () => actions.grantServer(serverId)],
    // Retrying cannot help: the XNAT version is what it is.
    'unsupported-version': null,
  };
  const [label, run] = action[failure.kind] === undefined ? retry : (action[failure.kind] ?? [null, null]);
  return (
    <div class="state" role="alert" id={id} data-kind={failure.kind}>
      <p>{failureText(failure, t)}</p>
      {label && run && (
        <button type="button" class="primary" onClick={run}>
          {t(label)}
        </button>
      )}
    </div>
  );
}
