import type { RefObject } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { countdownText, exactDate, timeLeftText, urgency } from '../expiry/countdown';
import { heldByText } from '../i18n/containers';
import { formatWords } from '../i18n/formats';
import type { MessageKey, Strings } from '../i18n/strings';
import type { SnippetFormat } from '../snippets/format-names';
import type { TokenMeta } from '../storage/schema';
import { BELL_PATH } from '../ui/icons';
import { shortAlias, tokenName } from '../xnat/names';
import type { PopupActions } from './controller';
import { CopyMenu } from './copy-menu';
import { DeleteQuestion, LabelForm, ReplaceQuestion } from './token-questions';

interface Props {
  serverId: string;
  token: TokenMeta;
  serverNow: number;
  clockOffsetMs: number;
  /** The site's token lifetime, when known: countdown colours scale with it. */
  lifetimeMs?: number;
  defaultFormat: SnippetFormat;
  /** Why the server's actions are off (logged out, unreachable), or null when they work. */
  blockedBy: string | null;
  actions: PopupActions;
  t: Strings;
}

/** Where the token came from, or why it counts as the user's, in words. */
function origin(token: TokenMeta): MessageKey {
  switch (token.yours?.why) {
    case 'created':
      return token.createdHere ? 'popupWhyCreatedHere' : 'popupWhyCreatedOnPage';
    case 'copied':
      return 'popupWhyCopied';
    case 'labelled':
      return 'popupWhyNamed';
    case 'watched':
      return 'popupWhyWatched';
    case 'renewing':
      return 'popupWhyRenewing';
    default:
      return token.createdHere ? 'popupMadeHere' : 'popupMadeElsewhere';
  }
}

/** One token: what it is and when it expires, its actions, and the name form or delete question. */
export function TokenRow(props: Props) {
  const { serverId, token, serverNow, actions, t } = props;
  // One question at a time below the row: delete it, or replace it.
  const [asking, setAsking] = useState<'delete' | 'replace' | null>(null);
  const [editing, setEditing] = useState(false);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const replaceButton = useRef<HTMLButtonElement>(null);
  const name = tokenName(token);
  const countdown = countdownText(token.expiry, serverNow, t);
  const copyDefault = () => {
    if (props.blockedBy === null) void actions.copy(serverId, token.id);
  };
  const cancelQuestion = () => {
    (asking === 'replace' ? replaceButton : deleteButton).current?.focus();
    setAsking(null);
  };

  return (
    <li
      class="token"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a focusable row lets Enter copy that token.
      tabIndex={0}
      aria-label={`${name}, ${countdown}`}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && e.target === e.currentTarget) copyDefault();
        // Escape answers the question from anywhere in the row, also in the moment before focus has
        // moved into it.
        if (e.key === 'Escape' && asking) {
          e.stopPropagation();
          cancelQuestion();
        }
      }}
    >
      <TokenFacts {...props} name={name} countdown={countdown} />
      <TokenActions
        {...props}
        name={name}
        copyDefault={copyDefault}
        editing={editing}
        toggleEditing={() => setEditing(!editing)}
        askDelete={() => setAsking('delete')}
        askReplace={() => setAsking('replace')}
        deleteButton={deleteButton}
        replaceButton={replaceButton}
      />
      {editing && <LabelForm {...props} name={name} close={() => setEditing(false)} />}
      {asking === 'delete' && <DeleteQuestion {...props} name={name} cancel={cancelQuestion} />}
      {asking === 'replace' && (
        <ReplaceQuestion {...props} name={name} cancel={cancelQuestion} done={() => setAsking(null)} />
      )}
    </li>
  );
}

function TokenFacts({ token, serverNow, clockOffsetMs, lifetimeMs, t, name, countdown }: Props & Named) {
  return (
    <>
      <div class="token-main">
        <span class="name" title={token.alias}>
          {name}
        </span>
        {token.label && (
          <span class="alias" title={token.alias}>
            {shortAlias(token.alias)}
          </span>
        )}
        <span
          class="countdown"
          data-urgency={urgency(token.expiry, serverNow, lifetimeMs)}
          title={exactDate(token.expiry - clockOffsetMs, t.locale)}
        >
          {countdown}
        </span>
      </div>
      <div class="token-meta">
        <span>{t('popupCreatedOn', exactDate(token.created - clockOffsetMs, t.locale))}</span>
        <span>{t(origin(token))}</span>
        {token.singleUse && <span>{t('popupSingleUse')}</span>}
        {token.container && <span class="held">{heldByText(token.container, serverNow, t)}</span>}
        {token.deleteAt !== undefined && (
          <span class="pending">
            {token.deleteAt > serverNow
              ? t('popupDeletesIn', timeLeftText(token.deleteAt - serverNow, t))
              : t('popupDeletesNow')}
          </span>
        )}
      </div>
    </>
  );
}

interface Named {
  name: string;
  countdown?: string;
}

interface ActionProps extends Props, Named {
  copyDefault(): void;
  editing: boolean;
  toggleEditing(): void;
  askDelete(): void;
  askReplace(): void;
  deleteButton: RefObject<HTMLButtonElement | null>;
  replaceButton: RefObject<HTMLButtonElement | null>;
}

function TokenActions(props: ActionProps) {
  const { serverId, token, defaultFormat, blockedBy, actions, t, name } = props;
  const words = formatWords(defaultFormat, t);
  const blocked = blockedBy !== null;
  return (
    <div class="token-actions">
      <button
        type="button"
        class="primary"
        onClick={props.copyDefault}
        disabled={blocked}
        title={blockedBy ?? words.hint}
        aria-label={t('popupCopyLabel', words.short, name)}
      >
        {t('popupCopy', words.short)}
      </button>
      <CopyMenu
        label={t('moreFormatsLabel', name)}
        disabled={blocked}
        onPick={(format) => void actions.copy(serverId, token.id, format)}
        t={t}
      />
      <button
        type="button"
        class="watch"
        aria-pressed={!!token.yours}
        aria-label={t('watchLabel', name)}
        title={t(token.yours ? 'popupWatchOnHint' : 'popupWatchOffHint')}
        onClick={() => void actions.watch(serverId, token.id, !token.yours)}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true">
          <path d={BELL_PATH} />
        </svg>
        {t('popupWatch')}
      </button>
      <button
        type="button"
        onClick={props.toggleEditing}
        aria-label={t('popupLabelEdit', name)}
        aria-expanded={props.editing}
      >
        {t('popupLabel')}
      </button>
      {token.deleteAt === undefined ? (
        <button
          type="button"
          ref={props.replaceButton}
          onClick={props.askReplace}
          disabled={blocked}
          aria-label={t('popupReplaceLabel', name)}
        >
          {t('popupReplace')}
        </button>
      ) : (
        <button
          type="button"
          onClick={() => void actions.keep(serverId, token.id)}
          aria-label={t('popupKeepLabel', name)}
        >
          {t('popupKeep')}
        </button>
      )}
      <button
        type="button"
        class="danger"
        ref={props.deleteButton}
        onClick={props.askDelete}
        aria-label={t('popupDeleteLabel', name)}
      >
        {t('popupDelete')}
      </button>
    </div>
  );
}
