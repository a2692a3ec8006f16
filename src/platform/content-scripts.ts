// Run-time registration of the page script, one granted XNAT host at a time: the manifest has no
// static content scripts (security.md).
import contentScriptPath from '../content/content-script.ts?iife';
import browser from './browser';

const PREFIX = 'xtt-page ';

export const contentScripts = {
  async registered(): Promise<string[]> {
    const scripts = await browser.scripting.getRegisteredContentScripts();
    return scripts.filter((s) => s.id.startsWith(PREFIX)).flatMap((s) => s.matches ?? []);
  },
  async register(pattern: string): Promise<void> {
    await browser.scripting.registerContentScripts([
      {
        id: PREFIX + pattern,
        matches: [pattern],
        js: [contentScriptPath],
        runAt: 'document_idle',
        persistAcrossSessions: true,
      },
    ]);
  },
  async unregister(pattern: string): Promise<void> {
    const ids = (await browser.scripting.getRegisteredContentScripts({ ids: [PREFIX + pattern] })).map(
      (s) => s.id,
    );
    if (ids.length) await browser.scripting.unregisterContentScripts({ ids });
  },
};
