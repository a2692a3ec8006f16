// XNAT builds its profile tabs in script and then selects "Edit User Profile", rewriting the
// `#tab=alias-token-tab` hash (userProfile.js and tabs.js, 1.7.5 to 1.8). When the user came to see
// the token tab, the page script clicks XNAT's own tab control once the tabs exist, and again if
// XNAT switches away while it settles; it stops for good as soon as the user picks a tab.
import { SELECTORS } from './page';

const SETTLE_MS = 5000;

export function showTokenTab(doc: Document, signal: AbortSignal, settleMs = SETTLE_MS): void {
  const done = new AbortController();
  const stop = () => done.abort();
  const until = AbortSignal.any([signal, done.signal]);
  const userActs = (event: Event) => {
    if (event.isTrusted) stop();
  };
  doc.addEventListener('pointerdown', userActs, { capture: true, signal: until });
  doc.addEventListener('keydown', userActs, { capture: true, signal: until });
  const show = () => {
    const link = doc.querySelector<HTMLElement>(SELECTORS.tokenTabLink);
    if (link && !link.closest(SELECTORS.activeTab)) link.click();
  };
  const observer = new MutationObserver(show);
  observer.observe(doc.body, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['class'],
  });
  const timer = setTimeout(stop, settleMs);
  until.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(timer);
  });
  show();
}
