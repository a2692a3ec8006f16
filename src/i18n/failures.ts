// Each failure in the user's words, by kind: one table for popup, settings, page and notifications.
import type { Failure, FailureKind } from '../result';
import type { MessageKey, Strings } from './strings';

const WORDS: Record<FailureKind, MessageKey> = {
  'logged-out': 'failureLoggedOut',
  forbidden: 'failureForbidden',
  'not-found': 'failureNotFound',
  timeout: 'failureTimeout',
  'server-error': 'failureServerError',
  'bad-response': 'failureBadResponse',
  network: 'failureNetwork',
  'not-xnat': 'failureNotXnat',
  redirected: 'failureRedirected',
  'unsupported-version': 'failureUnsupportedVersion',
  'other-user': 'failureOtherUser',
  'foreign-token': 'failureForeignToken',
  'bad-url': 'failureBadUrl',
  'grant-refused': 'failureGrantRefused',
  'no-permission': 'failureNoPermission',
  'unknown-server': 'failureUnknownServer',
  'unknown-token': 'failureUnknownToken',
  'bad-request': 'failureBadRequest',
  'not-allowed': 'failureNotAllowed',
  clipboard: 'failureClipboard',
  internal: 'failureInternal',
  'background-unreachable': 'failureBackgroundUnreachable',
  'bad-alias': 'failureBadAlias',
  'bad-secret': 'failureBadSecret',
  'bad-server': 'failureBadServer',
  'bad-request-path': 'failureBadRequestPath',
  'not-quotable': 'failureNotQuotable',
  'undated-token': 'failureUndatedToken',
};

export function failureText(failure: Failure, t: Strings): string {
  if (failure.kind === 'server-error' && failure.status !== undefined)
    return t('failureServerErrorStatus', String(failure.status));
  return t(WORDS[failure.kind], failure.version ?? '');
}
