// Messaging and identity of the extension itself.
import browser from './browser';

export const runtime = {
  id: () => browser.runtime.id,
  origin: () => browser.runtime.getURL('').replace(/\/$/, ''),
  sendMessage: (message: unknown) => browser.runtime.sendMessage(message),
  onMessage(
    listener: (message: unknown, sender: browser.Runtime.MessageSender) => Promise<unknown> | undefined,
  ): void {
    browser.runtime.onMessage.addListener(
      listener as Parameters<typeof browser.runtime.onMessage.addListener>[0],
    );
  },
  openOptions: () => browser.runtime.openOptionsPage(),
  /** Browser start, install and update: when registrations and alarms may have been lost. */
  onStartup(listener: () => void): void {
    browser.runtime.onStartup.addListener(listener);
    browser.runtime.onInstalled.addListener(() => listener());
  },
  /** A new install only: not an update, not the browser's own update. */
  onFirstInstall(listener: () => void): void {
    browser.runtime.onInstalled.addListener(({ reason }) => {
      if (reason === 'install') listener();
    });
  },
  /** The settings page's address with a query (which openOptionsPage cannot add). */
  optionsPageUrl(query: string): string {
    const page = browser.runtime.getManifest().options_ui?.page ?? '';
    return browser.runtime.getURL(`${page}?${query}`);
  },
};
