// Notifications and the toolbar badge.
import browser from './browser';

const ICON = 'icons/icon-128.png';
// Firefox has no notification buttons (and rejects the option), so the button is Chrome's only.
const hasButtons = () => 'onButtonClicked' in browser.notifications;

export const notifications = {
  async show(id: string, content: { title: string; message: string }, button?: string): Promise<void> {
    await browser.notifications.create(id, {
      type: 'basic',
      iconUrl: browser.runtime.getURL(ICON),
      title: content.title,
      message: content.message,
      ...(button && hasButtons() ? ({ buttons: [{ title: button }] } as object) : {}),
    });
  },
  async clear(id: string): Promise<void> {
    await browser.notifications.clear(id);
  },
  onClicked(listener: (id: string) => void): void {
    browser.notifications.onClicked.addListener(listener);
  },
  onButtonClicked(listener: (id: string) => void): void {
    if (hasButtons())
      (browser.notifications as unknown as typeof chrome.notifications).onButtonClicked.addListener((id) =>
        listener(id),
      );
  },
};

export const badge = {
  async set(count: number, tooltip: string): Promise<void> {
    await browser.action.setBadgeText({ text: count > 0 ? String(count) : '' });
    await browser.action.setBadgeBackgroundColor({ color: '#b00020' });
    await browser.action.setTitle({
      title:
        count > 0
          ? `${browser.i18n.getMessage('actionTitle')}\n${tooltip}`
          : browser.i18n.getMessage('actionTitle'),
    });
  },
};
