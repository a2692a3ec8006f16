// What the demo does in a browser, the same for Chromium (playwright) and Firefox (puppeteer).
export interface DecoratedCount {
  rows: number;
  copy: number;
  countdown: number;
}

export interface ExtensionPageShot {
  pagePath: string;
  ready: string;
  file: string;
  size: { width: number; height: number };
}

export interface DemoDriver {
  /** A message to the background, sent from one of the extension's pages as the popup would. */
  ask(type: string, payload: object): Promise<{ ok: boolean; value?: unknown; failure?: unknown }>;
  logIn(base: string, username: string, password: string): Promise<void>;
  /** Opens the page in the tab the person will look at, and waits until every row is decorated. */
  openTokenPage(url: string): Promise<DecoratedCount>;
  /** Clicks Copy as curl on the token's row and returns what landed on the clipboard. */
  copyRow(alias: string): Promise<string>;
  /**
   * Right after copyRow, with the keyboard a person would use (Tab to ▾, Enter): opens that row's
   * copy menu, shoots the page, closes the menu.
   */
  screenshotCopyMenu(file: string): Promise<void>;
  screenshotTokenPage(file: string): Promise<void>;
  /** One of the extension's pages in its own tab of this size, once `ready` matches. */
  screenshotExtensionPage(shot: ExtensionPageShot): Promise<void>;
  /** The welcome page opened on install, reloaded to show the server the demo added. */
  refreshWelcome(): Promise<void>;
  /** Resolves when the person closes the browser window. */
  closed: Promise<void>;
  close(): Promise<void>;
}

export const COPY_HOST = 'xnat-token-tools[data-xtt="copy"]';
export const COUNTDOWN_HOST = 'xnat-token-tools[data-xtt="countdown"]';
export const TOKEN_ROWS = '#alias-token-list-table tbody tr';
export const isWelcomeUrl = (url: string) => url.includes('?welcome');
/** The popup has listed a server's tokens. */
export const POPUP_READY = 'section.server[aria-busy="false"] li.token';

/** The page's rows in order; each decorated row holds one copy control, in the same order. */
export function rowIndexOf([rowsSelector, alias]: [string, string]): number {
  return [...document.querySelectorAll(rowsSelector)].findIndex((row) => row.textContent?.includes(alias));
}

/** Reads until `accept` likes the value: waitForFunction does not await an async predicate. */
export async function pollUntil<T>(read: () => Promise<T>, accept: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting; last saw ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
