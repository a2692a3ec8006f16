import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { formatWords } from '../i18n/formats';
import type { Strings } from '../i18n/strings';
import { SNIPPET_FORMATS, type SnippetFormat } from '../snippets/format-names';
import { applyMenuKey, openingKey, placeMenu } from '../ui/menu';

interface Props {
  /** The ▾ button's name: which token's formats these are. */
  label: string;
  onPick: (format: SnippetFormat) => void;
  disabled: boolean;
  describedBy?: string;
  t: Strings;
}

/**
 * The ▾ beside Copy: every format with its hint, as a WAI-ARIA menu button (Enter, Space or ↓ open
 * it on the first item, ↑ on the last; arrows, Home and End move; Escape closes back to the button;
 * Tab closes). It opens upward or shifts left where the popup has no room.
 */
export function CopyMenu({ label, onPick, disabled, describedBy, t }: Props) {
  const [open, setOpen] = useState<'first' | 'last' | null>(null);
  const [place, setPlace] = useState({ above: false, shiftX: 0, maxHeight: 0 });
  const root = useRef<HTMLSpanElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const items = () => [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role=menuitem]') ?? [])];

  useLayoutEffect(() => {
    if (!open || !button.current || !menu.current) return;
    setPlace(
      placeMenu(button.current.getBoundingClientRect(), menu.current.getBoundingClientRect(), {
        width: window.innerWidth,
        height: window.innerHeight,
      }),
    );
    const all = items();
    all[open === 'first' ? 0 : all.length - 1]?.focus();
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const closeOutside = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(null);
    };
    document.addEventListener('click', closeOutside);
    return () => document.removeEventListener('click', closeOutside);
  }, [open]);

  const pick = (format: SnippetFormat) => {
    setOpen(null);
    button.current?.focus();
    onPick(format);
  };

  return (
    <span class="menu-anchor" ref={root}>
      <button
        type="button"
        class="more"
        ref={button}
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open !== null}
        aria-describedby={describedBy}
        disabled={disabled}
        onClick={() => setOpen(open ? null : 'first')}
        onKeyDown={(e) => {
          const start = openingKey(e.key);
          if (start && e.key !== 'Enter' && e.key !== ' ') {
            e.preventDefault();
            setOpen(start);
          }
        }}
      >
        ▾
      </button>
      {open && (
        <div
          class={place.above ? 'menu above' : 'menu'}
          role="menu"
          aria-label={label}
          ref={menu}
          style={{
            transform: `translateX(${place.shiftX}px)`,
            ...(place.maxHeight ? { maxHeight: `${place.maxHeight}px` } : {}),
          }}
          onKeyDown={(e) => {
            const closing = applyMenuKey(e, items(), document.activeElement);
            if (!closing) return;
            if (closing === 'to-button') {
              // Escape closes this menu only: nothing around it reacts to the same key.
              e.stopPropagation();
              button.current?.focus();
            }
            setOpen(null);
          }}
        >
          {SNIPPET_FORMATS.map((format) => {
            const words = formatWords(format, t);
            return (
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                key={format}
                data-format={format}
                class={format === 'alias' ? 'after-separator' : undefined}
                onClick={() => pick(format)}
              >
                {words.label}
                <small>{words.hint}</small>
              </button>
            );
          })}
        </div>
      )}
    </span>
  );
}
