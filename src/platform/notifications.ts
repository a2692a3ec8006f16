// Notifications and the toolbar badge.
import browser from './browser';

const ICON = 'icons/icon-128.png';

export const notifications = {
  async show(id: string, content: { title: string; message: string }, button?: string): Promise<void> {
    const options = { type: 'basic' as const, iconUrl: browser.runtime.getURL(ICON), ...content };
    if (!button) {
      await browser.notifications.create(id, options);
      return;
    }
    try {
      await browser.notifications.create(id, { ...options, buttons: [{ title: button }] } as typeof options);
    } catch {
      // Firefox has onButtonClicked but rejects the buttons option ("unsupported by Firefox").
      await browser.notifications.create(id, options);
    }
  },
  onClicked(listener: (id: string) => void): void {
    browser.notifications.onClicked.addListener(listener);
  },
  onButtonClicked(listener: (id: string) => void): void {
    browser.notifications.onButtonClicked?.addListener((id) => listener(id));
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
