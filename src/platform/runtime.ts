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
  onStartup(listener: () => void): void {
    browser.runtime.onStartup.addListener(listener);
    browser.runtime.onInstalled.addListener(listener);
  },
};
