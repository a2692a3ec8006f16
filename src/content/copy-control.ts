// "Copy as curl" on a token row: one click copies the default format, the ▾ menu (the WAI-ARIA menu
// button pattern) offers every format, the bell says whether reminders cover the token. The page
// script never sees a secret: it sends the token id, and the background writes the clipboard.
import { failureText } from '../i18n/failures';
import { copiedText, formatWords } from '../i18n/formats';
import type { Strings } from '../i18n/strings';
import type { CopyReceipt, Replaced, Reply } from '../messaging/protocol';
import { SNIPPET_FORMATS, type SnippetFormat } from '../snippets/format-names';
import type { TokenMeta } from '../storage/schema';
import { BELL_PATH } from '../ui/icons';
import { applyMenuKey, openingKey, placeMenu } from '../ui/menu';
import { createHost, element } from './shadow-ui';
import { COPY_CSS } from './styles';

export type CopyAction = (tokenId: number, format?: SnippetFormat) => Promise<Reply<CopyReceipt>>;
export type WatchAction = (tokenId: number, watched: boolean) => Promise<Reply<TokenMeta>>;
/** A successor copied; the old token is deleted in an hour (the popup can keep it). */
export type ReplaceAction = (tokenId: number) => Promise<Reply<Replaced>>;

export interface ControlOptions {
  defaultFormat: SnippetFormat;
  copy: CopyAction;
  watch: WatchAction;
  replace: ReplaceAction;
  /** The page's one status line: each message replaces the last, and covers nothing of XNAT's. */
  report(text: string, isError: boolean): void;
  signal: AbortSignal;
  t: Strings;
}

export interface CopyControl {
  host: HTMLElement;
  /** Names the token in the controls' accessible names (its label once known, else its short alias). */
  setName(name: string): void;
  setWatched(watched: boolean): void;
}

const COPIED_MS = 2000;

export function createCopyControl(
  doc: Document,
  tokenId: number,
  name: string,
  options: ControlOptions,
): CopyControl {
  const { defaultFormat, copy, report, signal, t } = options;
  const { host, root } = createHost(doc, 'copy', COPY_CSS);
  const words = formatWords(defaultFormat, t);
  const caption = t('pageCopyAs', words.short);
  const main = element(doc, 'button', { type: 'button', class: 'main', title: words.hint }, caption);
  const menu = formatMenu(
    doc,
    host,
    root,
    options,
    (pick) => void (pick === 'replace' ? replace() : run(pick)),
  );
  const bell = bellButton(doc, tokenId, options);
  root.append(element(doc, 'span', { class: 'group' }), menu.element);
  root.firstElementChild?.append(main, menu.button, bell.button);

  let tokenName = name;
  const label = () => {
    main.setAttribute('aria-label', t('pageCopyLabel', words.short, tokenName));
    menu.label(tokenName);
    bell.label(tokenName);
  };
  label();

  let copiedTimer: ReturnType<typeof setTimeout> | undefined;
  const run = async (format?: SnippetFormat) => {
    menu.close(format !== undefined);
    main.disabled = true;
    const reply = await copy(tokenId, format);
    main.disabled = false;
    if (signal.aborted) return;
    if (!reply.ok) {
      report(failureText(reply.failure, t), true);
      return;
    }
    report(copiedText(reply.value, tokenName, t), false);
    // Said where the user looks too: the button reads "Copied" for a moment.
    main.textContent = t('pageCopiedShort');
    clearTimeout(copiedTimer);
    copiedTimer = setTimeout(() => {
      main.textContent = caption;
    }, COPIED_MS);
    bell.set(!!reply.value.token?.yours);
  };
  const replace = async () => {
    menu.close(true);
    const reply = await options.replace(tokenId);
    if (signal.aborted) return;
    if (!reply.ok) report(failureText(reply.failure, t), true);
    else if (!reply.value.copy.ok) report(failureText(reply.value.copy.failure, t), true);
    else
      report(
        t('pageReplaced', tokenName, copiedText(reply.value.copy.value, t('popupTheNewToken'), t)),
        false,
      );
  };
  main.addEventListener('click', () => void run(), { signal });
  signal.addEventListener('abort', () => clearTimeout(copiedTimer));
  return {
    host,
    setName(next) {
      tokenName = next;
      label();
    },
    setWatched: bell.set,
  };
}

/** The ▾ button and its menu of every format: the WAI-ARIA menu button pattern. */
function formatMenu(
  doc: Document,
  host: HTMLElement,
  root: ShadowRoot,
  { signal, t }: ControlOptions,
  pick: (choice: SnippetFormat | 'replace') => void,
) {
  const button = element(
    doc,
    'button',
    { type: 'button', class: 'more', 'aria-haspopup': 'menu', 'aria-expanded': 'false' },
    '▾',
  );
  const menu = element(doc, 'div', { class: 'menu', role: 'menu', hidden: '' });
  const items = () => [...menu.querySelectorAll<HTMLButtonElement>('[role=menuitem]')];
  const close = (focusButton: boolean) => {
    menu.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    if (focusButton) button.focus();
  };
  const open = (start: 'first' | 'last') => {
    // Built on first use: a table of a thousand rows should not carry a dozen thousand menu items.
    if (!menu.firstChild) {
      for (const format of SNIPPET_FORMATS) {
        const item = formatWords(format, t);
        const entry = element(
          doc,
          'button',
          { type: 'button', role: 'menuitem', tabindex: '-1', 'data-format': format },
          item.label,
        );
        entry.append(element(doc, 'small', {}, item.hint));
        menu.append(entry);
      }
      menu.append(
        element(
          doc,
          'button',
          { type: 'button', role: 'menuitem', tabindex: '-1', 'data-action': 'replace', class: 'replace' },
          t('pageReplace'),
        ),
      );
    }
    menu.hidden = false;
    menu.style.transform = '';
    menu.style.maxHeight = '';
    menu.classList.remove('above');
    button.setAttribute('aria-expanded', 'true');
    const place = placeMenu(button.getBoundingClientRect(), menu.getBoundingClientRect(), {
      width: doc.defaultView?.innerWidth ?? 0,
      height: doc.defaultView?.innerHeight ?? 0,
    });
    menu.classList.toggle('above', place.above);
    if (place.shiftX) menu.style.transform = `translateX(${place.shiftX}px)`;
    if (place.maxHeight) menu.style.maxHeight = `${place.maxHeight}px`;
    const all = items();
    all[start === 'first' ? 0 : all.length - 1]?.focus();
  };

  button.addEventListener('click', () => (menu.hidden ? open('first') : close(false)), { signal });
  button.addEventListener(
    'keydown',
    (event) => {
      const start = openingKey(event.key);
      // Enter and Space click the button, which opens the menu.
      if (start && event.key !== 'Enter' && event.key !== ' ') {
        event.preventDefault();
        open(start);
      }
    },
    { signal },
  );
  menu.addEventListener(
    'click',
    (event) => {
      const item = (event.target as Element).closest('[data-format], [data-action]');
      const format = item?.getAttribute('data-format');
      if (format) pick(format as SnippetFormat);
      else if (item?.getAttribute('data-action') === 'replace') pick('replace');
    },
    { signal },
  );
  menu.addEventListener(
    'keydown',
    (event) => {
      const closing = applyMenuKey(event, items(), root.activeElement);
      if (closing) close(closing === 'to-button');
    },
    { signal },
  );
  doc.addEventListener(
    'click',
    (event) => {
      if (!menu.hidden && !event.composedPath().includes(host)) close(false);
    },
    { signal },
  );
  return {
    button,
    element: menu,
    close,
    label(name: string) {
      button.setAttribute('aria-label', t('moreFormatsLabel', name));
      menu.setAttribute('aria-label', t('moreFormatsLabel', name));
    },
  };
}

/** The bell: whether reminders cover the token, as the background last stored it. */
function bellButton(doc: Document, tokenId: number, { watch, report, signal, t }: ControlOptions) {
  const button = element(doc, 'button', { type: 'button', class: 'bell', 'aria-pressed': 'false' });
  button.append(bellIcon(doc));
  let watched = false;
  const set = (on: boolean) => {
    watched = on;
    button.setAttribute('aria-pressed', String(on));
    button.title = t(on ? 'popupWatchOnHint' : 'popupWatchOffHint');
  };
  set(false);
  button.addEventListener(
    'click',
    async () => {
      const reply = await watch(tokenId, !watched);
      if (reply.ok) set(!!reply.value.yours);
      else report(failureText(reply.failure, t), true);
    },
    { signal },
  );
  return { button, set, label: (name: string) => button.setAttribute('aria-label', t('watchLabel', name)) };
}

function bellIcon(doc: Document): SVGSVGElement {
  const svg = doc.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const path = doc.createElementNS('http://www.w3.org/2000/svg', 'path');
  path.setAttribute('d', BELL_PATH);
  svg.append(path);
  return svg;
}
