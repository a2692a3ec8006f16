import { useEffect, useRef, useState } from 'preact/hooks';
import { formatWords } from '../i18n/formats';
import type { Strings } from '../i18n/strings';
import { SNIPPET_FORMATS, type SnippetFormat } from '../snippets/formats';

/** The ▾ next to Copy: every format with its hint. Escape or a click elsewhere closes it. */
export function CopyMenu({
  label,
  onPick,
  t,
}: {
  label: string;
  onPick: (format: SnippetFormat) => void;
  t: Strings;
}) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLSpanElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    root.current?.querySelector<HTMLButtonElement>('[role=menuitem]')?.focus();
    const close = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('click', close);
    return () => document.removeEventListener('click', close);
  }, [open]);

  return (
    <span class="menu-anchor" ref={root}>
      <button
        type="button"
        ref={toggle}
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        ▾
      </button>
      {open && (
        <div
          class="menu"
          role="menu"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              setOpen(false);
              toggle.current?.focus();
            }
          }}
        >
          {SNIPPET_FORMATS.map((format) => (
            <button
              type="button"
              role="menuitem"
              key={format}
              data-format={format}
              onClick={() => {
                setOpen(false);
                onPick(format);
              }}
            >
              {formatWords(format, t).label}
              <small>{formatWords(format, t).hint}</small>
            </button>
          ))}
        </div>
      )}
    </span>
  );
}
