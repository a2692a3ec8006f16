import { useState } from 'preact/hooks';
import { countdownText, exactDate, urgency } from '../expiry/countdown';
import { formatWords } from '../i18n/formats';
import type { Strings } from '../i18n/strings';
import type { SnippetFormat } from '../snippets/formats';
import type { TokenMeta } from '../storage/schema';
import { shortAlias } from '../xnat/names';
import type { PopupActions } from './controller';
import { CopyMenu } from './copy-menu';

interface Props {
  serverId: string;
  token: TokenMeta;
  serverNow: number;
  clockOffsetMs: number;
  defaultFormat: SnippetFormat;
  actions: PopupActions;
  t: Strings;
}

export function TokenRow({ serverId, token, serverNow, clockOffsetMs, defaultFormat, actions, t }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [editing, setEditing] = useState(false);
  const [label, setLabel] = useState(token.label ?? '');
  const short = shortAlias(token.alias);
  const level = urgency(token.expiry, serverNow);
  const copyDefault = () => void actions.copy(serverId, token.id);

  return (
    <li
      class="token"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a focusable row lets Enter copy that token (design.md, keyboard).
      tabIndex={0}
      aria-label={`${token.label ? `${token.label}, ` : ''}${token.alias}, ${countdownText(token.expiry, serverNow, t)}`}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && e.target === e.currentTarget) copyDefault();
      }}
    >
      <div class="token-main">
        <span class="alias" title={token.alias}>
          {short}
        </span>
        {token.label && !editing && <span class="label">{token.label}</span>}
        <span
          class="countdown"
          data-urgency={level}
          title={exactDate(token.expiry - clockOffsetMs, t.locale)}
        >
          {countdownText(token.expiry, serverNow, t)}
        </span>
      </div>
      <div class="token-meta">
        <span>{t('popupCreated', exactDate(token.created - clockOffsetMs, t.locale))}</span>
        <span
          class={token.createdHere ? 'badge here' : 'badge'}
          title={t(token.createdHere ? 'popupMadeHereHint' : 'popupMadeElsewhereHint')}
        >
          {t(token.createdHere ? 'popupMadeHere' : 'popupMadeElsewhere')}
        </span>
        {token.singleUse && <span class="badge">{t('popupSingleUse')}</span>}
      </div>
      <div class="token-actions">
        <button
          type="button"
          class="primary"
          onClick={copyDefault}
          aria-label={t('popupCopyLabel', formatWords(defaultFormat, t).label, short)}
        >
          {t('popupCopy')}
        </button>
        <CopyMenu
          label={t('popupMoreFormats', short)}
          onPick={(format) => void actions.copy(serverId, token.id, format)}
          t={t}
        />
        <button
          type="button"
          onClick={() => setEditing(!editing)}
          aria-label={t('popupLabelEdit', short)}
          aria-expanded={editing}
        >
          {t('popupLabel')}
        </button>
        <button
          type="button"
          class="danger"
          onClick={() => setConfirming(true)}
          aria-label={t('popupDeleteLabel', short)}
        >
          {t('popupDelete')}
        </button>
      </div>
      {editing && (
        <form
          class="label-form"
          onSubmit={(e) => {
            e.preventDefault();
            setEditing(false);
            void actions.saveLabel(serverId, token.id, label);
          }}
        >
          <input
            aria-label={t('popupLabelEdit', short)}
            placeholder={t('popupLabelPlaceholder')}
            maxLength={80}
            value={label}
            onInput={(e) => setLabel((e.target as HTMLInputElement).value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.stopPropagation();
                setEditing(false);
              }
            }}
            ref={(el) => el?.focus()}
          />
          <button type="submit">{t('popupSave')}</button>
        </form>
      )}
      {confirming && (
        <div class="confirm" role="alertdialog" aria-label={t('popupDeleteConfirm')}>
          <p>
            <strong>{t('popupDeleteConfirm')}</strong> {t('popupDeleteWarning')}
          </p>
          <button type="button" class="danger" onClick={() => void actions.remove(serverId, token.id)}>
            {t('popupDeleteYes')}
          </button>
          <button type="button" onClick={() => setConfirming(false)} ref={(el) => el?.focus()}>
            {t('popupCancel')}
          </button>
        </div>
      )}
    </li>
  );
}
