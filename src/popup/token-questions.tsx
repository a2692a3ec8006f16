// What opens below a token row in the popup, one at a time: the form that names the token, and the
// questions before replacing or deleting it. Each takes focus when it opens.
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { formatWords } from '../i18n/formats';
import type { Strings } from '../i18n/strings';
import type { DeleteOld } from '../messaging/protocol';
import type { SnippetFormat } from '../snippets/format-names';
import type { TokenMeta } from '../storage/schema';
import type { PopupActions } from './controller';

interface AboutToken {
  serverId: string;
  token: TokenMeta;
  /** The token's name, as its row shows it. */
  name: string;
  actions: PopupActions;
  t: Strings;
}

export function LabelForm({ serverId, token, actions, t, name, close }: AboutToken & { close(): void }) {
  const [label, setLabel] = useState(token.label ?? '');
  const input = useRef<HTMLInputElement>(null);
  // Focus moves once, when the form opens: the popup re-renders every second.
  useEffect(() => input.current?.focus(), []);
  return (
    <form
      class="label-form"
      onSubmit={(e) => {
        e.preventDefault();
        close();
        void actions.saveLabel(serverId, token.id, label);
      }}
    >
      <input
        aria-label={t('popupLabelEdit', name)}
        placeholder={t('popupLabelPlaceholder')}
        value={label}
        onInput={(e) => setLabel((e.target as HTMLInputElement).value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            close();
          }
        }}
        ref={input}
      />
      <button type="submit">{t('popupSave')}</button>
    </form>
  );
}

export function ReplaceQuestion(
  props: AboutToken & { defaultFormat: SnippetFormat; cancel(): void; done(): void },
) {
  const { serverId, token, defaultFormat, actions, t, name, cancel, done } = props;
  const first = useRef<HTMLButtonElement>(null);
  // Before paint, so that a key pressed at once already lands in the question.
  useLayoutEffect(() => first.current?.focus(), []);
  const choose = (deleteOld: DeleteOld) => {
    done();
    void actions.replace(serverId, token.id, deleteOld);
  };
  return (
    <div class="confirm" role="alertdialog" aria-label={t('popupReplaceLabel', name)}>
      <p>
        <strong>{t('popupReplaceQuestion', name, formatWords(defaultFormat, t).short)}</strong>{' '}
        {t('popupDeleteWarning')}
      </p>
      <button type="button" class="primary" ref={first} onClick={() => choose('in-1h')}>
        {t('popupReplaceInHour')}
      </button>
      <button type="button" onClick={() => choose('at-expiry')}>
        {t('popupReplaceAtExpiry')}
      </button>
      <button type="button" class="danger" onClick={() => choose('now')}>
        {t('popupReplaceNow')}
      </button>
      <button type="button" onClick={cancel}>
        {t('popupCancel')}
      </button>
    </div>
  );
}

export function DeleteQuestion({
  serverId,
  token,
  actions,
  t,
  name,
  cancel,
}: AboutToken & { cancel(): void }) {
  const cancelButton = useRef<HTMLButtonElement>(null);
  // Before paint, so that a key pressed at once already lands in the question.
  useLayoutEffect(() => cancelButton.current?.focus(), []);
  return (
    <div class="confirm" role="alertdialog" aria-label={t('popupDeleteConfirm', name)}>
      <p>
        <strong>{t('popupDeleteConfirm', name)}</strong> {t('popupDeleteWarning')}
      </p>
      <button type="button" class="danger" onClick={() => void actions.remove(serverId, token.id)}>
        {t('popupDeleteYes')}
      </button>
      <button type="button" onClick={cancel} ref={cancelButton}>
        {t('popupCancel')}
      </button>
    </div>
  );
}
