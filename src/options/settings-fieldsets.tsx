import { useState } from 'preact/hooks';
import { formatWords } from '../i18n/formats';
import { SNIPPET_FORMATS, type SnippetFormat } from '../snippets/format-names';
import { isRequestPath } from '../snippets/input';
import type { Settings } from '../storage/schema';
import type { OptionsViewProps } from './controller';
import { FieldFeedback } from './field-feedback';

const CLEAR_CHOICES = [0, 30, 60, 120, 300];
const NOTIFY_CHOICES: [number, 'optionsNotifyDay' | 'optionsNotifyHour' | 'optionsNotifyExpiry'][] = [
  [24 * 60, 'optionsNotifyDay'],
  [60, 'optionsNotifyHour'],
  [0, 'optionsNotifyExpiry'],
];

type FieldsetProps = OptionsViewProps & { settings: Settings };

/** Copying and reminders: each saved on change, its feedback beside it. */
export function SettingsFieldsets(props: FieldsetProps) {
  return (
    <>
      <CopyingFieldset {...props} />
      <RemindersFieldset {...props} />
    </>
  );
}

function CopyingFieldset({ settings, state, actions, t }: FieldsetProps) {
  const [path, setPath] = useState(settings.requestPath);
  const clearLabel = (s: number) =>
    s === 0
      ? t('optionsAutoClearOff')
      : s < 60
        ? t('optionsSeconds', String(s))
        : t('optionsMinutes', String(s / 60));
  return (
    <fieldset>
      <legend>{t('optionsCopying')}</legend>
      <label>
        {t('optionsDefaultFormat')}{' '}
        <select
          value={settings.defaultFormat}
          onChange={(e) =>
            actions.save({ defaultFormat: (e.target as HTMLSelectElement).value as SnippetFormat }, 'format')
          }
        >
          {SNIPPET_FORMATS.map((format) => {
            const { label, hint } = formatWords(format, t);
            return (
              <option key={format} value={format}>
                {label}: {hint}
              </option>
            );
          })}
        </select>
      </label>
      <FieldFeedback state={state} field="format" />
      <label for="request-path">{t('optionsRequestPath')}</label>
      <input
        id="request-path"
        type="text"
        value={path}
        aria-describedby="request-path-hint"
        aria-invalid={!isRequestPath(path)}
        onInput={(e) => setPath((e.target as HTMLInputElement).value)}
        onChange={(e) => {
          const value = (e.target as HTMLInputElement).value;
          if (isRequestPath(value)) actions.save({ requestPath: value }, 'requestPath');
        }}
      />
      <p id="request-path-hint" class={isRequestPath(path) ? 'hint' : 'error'}>
        {isRequestPath(path) ? t('optionsRequestPathHint') : t('optionsBadRequestPath')}
      </p>
      <FieldFeedback state={state} field="requestPath" />
      <label>
        {t('optionsAutoClear')}{' '}
        <select
          value={String(settings.clipboardClearSeconds)}
          onChange={(e) =>
            actions.save(
              { clipboardClearSeconds: Number((e.target as HTMLSelectElement).value) },
              'autoClear',
            )
          }
        >
          {CLEAR_CHOICES.map((s) => (
            <option key={s} value={String(s)}>
              {clearLabel(s)}
            </option>
          ))}
        </select>
      </label>
      {settings.clipboardClearSeconds > 0 && !state.canReadClipboard && (
        <p class="error">{t('optionsAutoClearOffNoRead')}</p>
      )}
      <FieldFeedback state={state} field="autoClear" />
      <p class="hint">{t('optionsClipboardNote')}</p>
    </fieldset>
  );
}

function RemindersFieldset({ settings, state, actions, t }: FieldsetProps) {
  return (
    <fieldset>
      <legend>{t('optionsNotifications')}</legend>
      <fieldset class="choices">
        <legend>{t('optionsRemindAbout')}</legend>
        {(['yours', 'all'] as const).map((scope) => (
          <label key={scope}>
            <input
              type="radio"
              name="remind-about"
              checked={settings.remindAbout === scope}
              onChange={() => actions.save({ remindAbout: scope }, 'reminders')}
            />{' '}
            {t(scope === 'yours' ? 'optionsRemindYours' : 'optionsRemindAll')}
          </label>
        ))}
      </fieldset>
      <fieldset class="choices">
        <legend>{t('optionsNotifyWhen')}</legend>
        {NOTIFY_CHOICES.map(([minutes, key]) => (
          <label key={minutes}>
            <input
              type="checkbox"
              checked={settings.notifyMinutesBefore.includes(minutes)}
              onChange={(e) => {
                const on = (e.target as HTMLInputElement).checked;
                const next = settings.notifyMinutesBefore.filter((m) => m !== minutes);
                actions.save(
                  { notifyMinutesBefore: on ? [...next, minutes].sort((a, b) => b - a) : next },
                  'reminders',
                );
              }}
            />{' '}
            {t(key)}
          </label>
        ))}
      </fieldset>
      <label>
        <input
          type="checkbox"
          checked={settings.warnJobs}
          onChange={(e) => actions.save({ warnJobs: (e.target as HTMLInputElement).checked }, 'reminders')}
        />{' '}
        {t('optionsWarnJobs')}
      </label>
      <FieldFeedback state={state} field="reminders" />
    </fieldset>
  );
}
