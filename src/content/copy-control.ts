// "Copy as curl" on a token row: one click copies the default format, the ▾ menu offers the rest.
// The page script never sees a secret: it sends the token id, the background writes the clipboard.

import { failureText } from '../i18n/failures';
import { formatWords } from '../i18n/formats';
import type { Strings } from '../i18n/strings';
import type { CopyReceipt, Reply } from '../messaging/protocol';
import { SNIPPET_FORMATS, type SnippetFormat } from '../snippets/formats';
import { createHost, element } from './shadow-ui';
import { COPY_CSS } from './styles';

export type CopyAction = (tokenId: number, format?: SnippetFormat) => Promise<Reply<CopyReceipt>>;

const STATUS_MS = 4000;

export function createCopyControl(
  doc: Document,
  tokenId: number,
  defaultFormat: SnippetFormat,
  copy: CopyAction,
  signal: AbortSignal,
  t: Strings,
): HTMLElement {
  const { host, root } = createHost(doc, 'copy', COPY_CSS);
  const group = element(doc, 'span', { class: 'group' });
  const words = formatWords(defaultFormat, t);
  const main = element(
    doc,
    'button',
    { type: 'button', class: 'main', title: words.hint },
    t('pageCopyAs', words.short),
  );
  const more = element(
    doc,
    'button',
    {
      type: 'button',
      class: 'more',
      'aria-label': t('pageMoreFormats'),
      'aria-haspopup': 'menu',
      'aria-expanded': 'false',
    },
    '▾',
  );
  const menu = element(doc, 'div', { class: 'menu', role: 'menu', hidden: '' });
  const status = element(doc, 'span', { class: 'status', role: 'status', 'aria-live': 'polite' });
  group.append(main, more);
  root.append(group, menu, status);

  let statusTimer: ReturnType<typeof setTimeout> | undefined;
  const showStatus = (text: string, isError: boolean) => {
    status.textContent = text;
    status.classList.toggle('error', isError);
    clearTimeout(statusTimer);
    statusTimer = setTimeout(() => {
      status.textContent = '';
    }, STATUS_MS);
  };
  const setMenuOpen = (open: boolean) => {
    // Built on first use: a table of a thousand rows should not carry nine thousand menu items.
    if (open && !menu.firstChild) {
      for (const format of SNIPPET_FORMATS) {
        const { label, hint } = formatWords(format, t);
        const item = element(
          doc,
          'button',
          { type: 'button', role: 'menuitem', 'data-format': format },
          label,
        );
        item.append(element(doc, 'small', {}, hint));
        menu.append(item);
      }
    }
    menu.hidden = !open;
    more.setAttribute('aria-expanded', String(open));
    if (open) (menu.querySelector('button') as HTMLButtonElement | null)?.focus();
  };
  const run = async (format?: SnippetFormat) => {
    setMenuOpen(false);
    main.disabled = true;
    const reply = await copy(tokenId, format);
    main.disabled = false;
    if (signal.aborted) return;
    if (reply.ok) {
      const { label, hint } = formatWords(reply.value.format, t);
      showStatus(t('popupCopied', label, hint), false);
    } else showStatus(failureText(reply.failure, t), true);
  };

  main.addEventListener('click', () => void run(), { signal });
  more.addEventListener('click', () => setMenuOpen(menu.hidden === true), { signal });
  menu.addEventListener(
    'click',
    (event) => {
      const format = (event.target as Element).closest('[data-format]')?.getAttribute('data-format');
      if (format) void run(format as SnippetFormat);
    },
    { signal },
  );
  root.addEventListener(
    'keydown',
    (event) => {
      if ((event as KeyboardEvent).key === 'Escape' && !menu.hidden) {
        setMenuOpen(false);
        more.focus();
      }
    },
    { signal },
  );
  doc.addEventListener(
    'click',
    (event) => {
      if (!menu.hidden && !event.composedPath().includes(host)) setMenuOpen(false);
    },
    { signal },
  );
  signal.addEventListener('abort', () => clearTimeout(statusTimer));
  return host;
}
