// "Copy as curl" on a token row: one click copies the default format, the ▾ menu offers the rest.
// The page script never sees a secret: it sends the token id, the background writes the clipboard.
import type { CopyReceipt, Reply } from '../messaging/protocol';
import type { Strings } from '../platform/i18n';
import { FORMAT_INFO, SNIPPET_FORMATS, type SnippetFormat } from '../snippets/formats';
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
  const main = element(
    doc,
    'button',
    { type: 'button', class: 'main', title: FORMAT_INFO[defaultFormat].hint },
    t('pageCopyAs', FORMAT_INFO[defaultFormat].short),
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
        const item = element(
          doc,
          'button',
          { type: 'button', role: 'menuitem', 'data-format': format },
          FORMAT_INFO[format].label,
        );
        item.append(element(doc, 'small', {}, FORMAT_INFO[format].hint));
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
    if (reply.ok) showStatus(t('popupCopied', reply.value.label, reply.value.hint), false);
    else showStatus(reply.failure.message, true);
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
