// Run-time registration of the page script, one granted XNAT host at a time: the manifest has no
// static content scripts, so nothing runs on a site the user did not add.
import contentScriptPath from '../content/content-script.ts?iife';
import browser from './browser';

const PREFIX = 'xtt-page ';

/** Into a page that was open before its host was granted (registration covers later loads). */
export async function injectPageScript(tabId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId }, files: [contentScriptPath] });
}

export const contentScripts = {
  async registered(): Promise<string[]> {
    const scripts = await browser.scripting.getRegisteredContentScripts();
    return scripts.filter((s) => s.id.startsWith(PREFIX)).flatMap((s) => s.matches ?? []);
  },

  // Both tolerate a race with another handler of the same grant: already there, or already gone.
  async register(pattern: string): Promise<void> {
    try {
      await browser.scripting.registerContentScripts([
        {
          id: PREFIX + pattern,
          matches: [pattern],
          js: [contentScriptPath],
          runAt: 'document_idle',
          persistAcrossSessions: true,
        },
      ]);
    } catch (error) {
      if (!(await contentScripts.registered()).includes(pattern)) throw error;
    }
  },

  async unregister(pattern: string): Promise<void> {
    try {
      await browser.scripting.unregisterContentScripts({ ids: [PREFIX + pattern] });
    } catch (error) {
      // "Nonexistent script ID": seen when Chrome's site-access change raced with this call.
      if ((await contentScripts.registered()).includes(pattern)) throw error;
    }
  },
};
