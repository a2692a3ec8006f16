// The WAI-ARIA menu-button pattern and menu placement, without a framework: the popup (preact) and
// the page script (plain DOM in a shadow root) both follow it. Pure: keys and rectangles in, moves out.

/** What a key on the menu button does: open the menu with the first or the last item focused. */
export function openingKey(key: string): 'first' | 'last' | null {
  if (key === 'Enter' || key === ' ' || key === 'ArrowDown') return 'first';
  if (key === 'ArrowUp') return 'last';
  return null;
}

export type MenuMove = { focus: number } | { close: 'to-button' | 'away' } | null;

/** What a key inside the open menu does, given the focused item and the number of items. */
export function menuKey(key: string, index: number, count: number): MenuMove {
  switch (key) {
    case 'ArrowDown':
      return { focus: (index + 1) % count };
    case 'ArrowUp':
      return { focus: (index - 1 + count) % count };
    case 'Home':
      return { focus: 0 };
    case 'End':
      return { focus: count - 1 };
    case 'Escape':
      return { close: 'to-button' };
    case 'Tab':
      return { close: 'away' };
    default:
      return null;
  }
}

/**
 * A key pressed inside an open menu, applied: focus moves among the items, or the answer says how
 * the menu closes (`to-button`: focus goes back to its button). Null when nothing more is to do.
 */
export function applyMenuKey(
  event: { key: string; preventDefault(): void },
  items: HTMLElement[],
  focused: Element | null,
): 'to-button' | 'away' | null {
  const move = menuKey(event.key, items.indexOf(focused as HTMLElement), items.length);
  if (!move) return null;
  if ('focus' in move) {
    event.preventDefault();
    items[move.focus]?.focus();
    return null;
  }
  // Tab keeps its default and moves focus on; Escape stays in the page.
  if (move.close === 'to-button') event.preventDefault();
  return move.close;
}

export interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
}

const MARGIN = 4;

/**
 * Where a menu opened under its button goes so that it stays inside the viewport: above the button
 * when there is no room below (and more above), shifted left when it would run off the right, and
 * scrolling within `maxHeight` when neither side has room for all of it. `shiftX` is added to the
 * menu's left edge (0 or negative).
 */
export function placeMenu(
  button: Box,
  menu: { width: number; height: number },
  viewport: { width: number; height: number },
) {
  const below = viewport.height - (button.top + button.height) - MARGIN;
  const above = button.top - MARGIN;
  const flip = menu.height > below && above > below;
  const overflowRight = button.left + menu.width - viewport.width;
  const shiftX = overflowRight > 0 ? -Math.min(overflowRight + MARGIN, Math.max(0, button.left)) : 0;
  return { above: flip, shiftX, maxHeight: Math.max(0, flip ? above : below) };
}
