// The tab the popup was opened over, and opening XNAT pages for the user. Separate functions, so
// the worker's bundle carries only what it uses.
import browser from './browser';

/** Needs no "tabs" permission: the toolbar click grants activeTab for this tab. */
export async function activeTab(): Promise<{ id: number; url: string } | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id !== undefined && tab.url ? { id: tab.id, url: tab.url } : null;
}

export async function openTab(url: string): Promise<number | undefined> {
  return (await browser.tabs.create({ url })).id;
}

/**
 * Runs a self-contained check in the tab's page (activeTab allows it before any host grant).
 * False when the tab cannot be scripted (browser pages, the store, PDF viewers).
 */
export async function checkTab(tabId: number, func: () => boolean): Promise<boolean> {
  try {
    const [result] = await browser.scripting.executeScript({ target: { tabId }, func });
    return result?.result === true;
  } catch {
    return false;
  }
}
