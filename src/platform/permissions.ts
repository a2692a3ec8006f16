// Host permissions, one XNAT host at a time, asked for when the user adds a server
// (optional_host_permissions: the extension holds no site at install).
import browser from './browser';

export const hostPermissions = {
  contains: (pattern: string) => browser.permissions.contains({ origins: [pattern] }),
  async remove(pattern: string): Promise<void> {
    try {
      await browser.permissions.remove({ origins: [pattern] });
    } catch {
      // "You cannot remove required permissions": only in a build that grants hosts at install.
    }
  },
  onAdded(listener: (patterns: string[]) => void): void {
    browser.permissions.onAdded.addListener((p) => listener(p.origins ?? []));
  },
  onRemoved(listener: (patterns: string[]) => void): void {
    browser.permissions.onRemoved.addListener((p) => listener(p.origins ?? []));
  },
};

/** Auto-clear reads the clipboard back, to clear only what the extension wrote. */
export const clipboardRead = {
  granted: () => browser.permissions.contains({ permissions: ['clipboardRead'] }),
  /** Must be called synchronously in the handler that turns auto-clear on (a user gesture). */
  request: () => browser.permissions.request({ permissions: ['clipboardRead'] }),
};

/**
 * Must be called synchronously inside the click handler: Firefox drops the user gesture after an
 * `await`, and then refuses to show the prompt. (A function of its own: the worker never asks.)
 */
export function requestHostPermission(pattern: string): Promise<boolean> {
  return browser.permissions.request({ origins: [pattern] });
}
