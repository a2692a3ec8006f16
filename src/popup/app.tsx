import type { Strings } from '../i18n/strings';
import type { PopupActions } from './controller';
import type { PopupState } from './model';
import { SectionBoundary } from './section-boundary';
import { ServerSectionView } from './server-section';

/** The whole popup as a function of its state and actions. */
export function App({ state, actions, t }: { state: PopupState; actions: PopupActions; t: Strings }) {
  const { tab, sections, notice } = state;
  const defaultFormat = state.settings?.defaultFormat ?? 'curl';
  return (
    <main>
      <header class="top">
        <img src="/icons/icon-32.png" alt="" width={20} height={20} />
        <h1>{t('extensionName')}</h1>
        <button
          type="button"
          class="icon"
          onClick={() => actions.openOptions()}
          aria-label={t('popupSettings')}
          title={t('popupSettings')}
        >
          ⚙
        </button>
      </header>
      <div class="notices" aria-live="polite">
        {notice && (
          <div class={`notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
            <span>{notice.text}</span>
            <button
              type="button"
              class="icon"
              onClick={() => actions.dismissNotice()}
              aria-label={t('popupDismiss')}
            >
              ×
            </button>
          </div>
        )}
      </div>
      {state.clipboardHistoryNote && <p class="hint">{t('popupClipboardHistory')}</p>}
      {state.loading ? (
        <p class="hint">{t('popupLoading')}</p>
      ) : (
        <>
          {tab.kind === 'new-xnat' && (
            <div class="grant">
              <p>{t('popupTabIsXnat', tab.host)}</p>
              <button type="button" class="primary" onClick={() => actions.addTab()}>
                {tab.granted ? t('popupAddThis', tab.host) : t('popupGrant', tab.host)}
              </button>
              <p class="hint">{t('popupGrantHint')}</p>
            </div>
          )}
          {sections.length === 0 && tab.kind !== 'new-xnat' && <p class="empty">{t('popupNoServers')}</p>}
          {sections.length === 0 && <p class="hint">{t('aliasTokenExplained')}</p>}
          {sections.length > 0 && tab.kind === 'not-xnat' && <p class="hint">{t('popupNotXnat')}</p>}
          {sections.map((section) => (
            <SectionBoundary key={section.server.id} section={section} t={t}>
              <ServerSectionView
                section={section}
                now={state.now}
                defaultFormat={defaultFormat}
                actions={actions}
                t={t}
              />
            </SectionBoundary>
          ))}
        </>
      )}
    </main>
  );
}
