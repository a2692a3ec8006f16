import { describe, expect, it } from 'vitest';
import { applyMenuKey, menuKey, openingKey, placeMenu } from '../../src/ui/menu';

describe('the menu-button pattern', () => {
  it('Enter, Space and ↓ open on the first item, ↑ on the last; other keys do nothing', () => {
    expect(['Enter', ' ', 'ArrowDown', 'ArrowUp', 'a'].map(openingKey)).toEqual([
      'first',
      'first',
      'first',
      'last',
      null,
    ]);
  });

  it('arrows wrap, Home and End jump, Escape returns to the button, Tab leaves', () => {
    expect(menuKey('ArrowDown', 10, 11)).toEqual({ focus: 0 });
    expect(menuKey('ArrowUp', 0, 11)).toEqual({ focus: 10 });
    expect(menuKey('Home', 5, 11)).toEqual({ focus: 0 });
    expect(menuKey('End', 5, 11)).toEqual({ focus: 10 });
    expect(menuKey('Escape', 5, 11)).toEqual({ close: 'to-button' });
    expect(menuKey('Tab', 5, 11)).toEqual({ close: 'away' });
    expect(menuKey('x', 5, 11)).toBeNull();
  });
});

describe('placing a menu inside the viewport', () => {
  const viewport = { width: 430, height: 600 };
  const menu = { width: 290, height: 300 };

  it('below its button when there is room', () => {
    expect(placeMenu({ top: 100, left: 20, width: 28, height: 28 }, menu, viewport)).toEqual({
      above: false,
      shiftX: 0,
      maxHeight: 468,
    });
  });

  it('above it near the bottom, and shifted left near the right edge', () => {
    expect(placeMenu({ top: 500, left: 300, width: 28, height: 28 }, menu, viewport)).toEqual({
      above: true,
      shiftX: -164,
      maxHeight: 496,
    });
  });

  it('scrolling within the larger side when neither has room for all of it', () => {
    const tall = { width: 290, height: 700 };
    expect(placeMenu({ top: 350, left: 20, width: 28, height: 28 }, tall, viewport)).toMatchObject({
      above: true,
      maxHeight: 346,
    });
  });
});

describe('a key applied to an open menu', () => {
  function menu() {
    document.body.innerHTML = '<div><button>a</button><button>b</button><button>c</button></div>';
    const items = [...document.querySelectorAll('button')];
    items[0]?.focus();
    return items;
  }
  const press = (key: string) => {
    const event = new KeyboardEvent('keydown', { key, cancelable: true });
    return { event, closing: applyMenuKey(event, menu(), document.activeElement) };
  };

  it('moves focus and keeps the key from scrolling the page', () => {
    const { event, closing } = press('End');
    expect(closing).toBeNull();
    expect(document.activeElement?.textContent).toBe('c');
    expect(event.defaultPrevented).toBe(true);
  });

  it('Escape closes back to the button; Tab closes and keeps moving focus on', () => {
    const escaped = press('Escape');
    expect([escaped.closing, escaped.event.defaultPrevented]).toEqual(['to-button', true]);
    const tab = press('Tab');
    expect([tab.closing, tab.event.defaultPrevented]).toEqual(['away', false]);
  });

  it('leaves other keys alone', () => {
    const { event, closing } = press('x');
    expect([closing, event.defaultPrevented, document.activeElement?.textContent]).toEqual([
      null,
      false,
      'a',
    ]);
  });
});
