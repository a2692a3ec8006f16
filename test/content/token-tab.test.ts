import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cameForTokenTab } from '../../src/content/page';
import { showTokenTab } from '../../src/content/token-tab';

let controller: AbortController;
let clicks: string[];

/** XNAT's tab set as userProfile.js builds it; a click on a tab activates it, as tabs.js does. */
function buildTabs() {
  document.body.innerHTML = `<div id="user-profile-manager"><ul>
    <li class="tab" data-tab="user-profile-tab"><a href="#user-profile-tab">Edit User Profile</a></li>
    <li class="tab" data-tab="alias-token-tab"><a href="#alias-token-tab">Manage Alias Tokens</a></li>
  </ul></div>`;
  activate('user-profile-tab');
}
function activate(name: string) {
  for (const li of document.querySelectorAll('li.tab'))
    li.classList.toggle('active', li.getAttribute('data-tab') === name);
}
const active = () => document.querySelector('li.tab.active')?.getAttribute('data-tab');

beforeEach(() => {
  vi.useFakeTimers();
  controller = new AbortController();
  clicks = [];
  document.body.innerHTML = '<div id="user-profile-manager"></div>';
  document.addEventListener('click', onClick);
});
afterEach(() => {
  controller.abort();
  document.removeEventListener('click', onClick);
  vi.useRealTimers();
});
function onClick(event: Event) {
  const li = (event.target as Element).closest('li.tab');
  if (!li) return;
  event.preventDefault();
  clicks.push(li.getAttribute('data-tab') ?? '');
  activate(li.getAttribute('data-tab') ?? '');
}

describe('showing XNAT’s token tab', () => {
  it('waits for XNAT to build its tabs, then clicks XNAT’s own Manage Alias Tokens control', async () => {
    showTokenTab(document, controller.signal);
    expect(clicks).toEqual([]);
    buildTabs();
    await vi.advanceTimersByTimeAsync(0);
    expect(active()).toBe('alias-token-tab');
    expect(clicks).toEqual(['alias-token-tab']);
  });

  it('shows it again if XNAT selects its profile tab afterwards, while it settles', async () => {
    buildTabs();
    showTokenTab(document, controller.signal);
    expect(active()).toBe('alias-token-tab');
    activate('user-profile-tab');
    await vi.advanceTimersByTimeAsync(0);
    expect(active()).toBe('alias-token-tab');
  });

  it('then lets the page be: a later switch is the user’s', async () => {
    buildTabs();
    showTokenTab(document, controller.signal, 1000);
    await vi.advanceTimersByTimeAsync(1001);
    activate('user-profile-tab');
    await vi.advanceTimersByTimeAsync(0);
    expect(active()).toBe('user-profile-tab');
    expect(clicks).toEqual(['alias-token-tab']);
  });
});

describe('whether the user came for the token tab', () => {
  const performanceWith = (name: string) =>
    ({ getEntriesByType: () => (name ? [{ name }] : []) }) as unknown as Performance;

  it('by the hash, until XNAT rewrites it, or by the URL the page was opened with', () => {
    expect(cameForTokenTab({ hash: '#tab=alias-token-tab' }, performanceWith(''))).toBe(true);
    expect(
      cameForTokenTab(
        { hash: '#tab=user-profile-tab' },
        performanceWith('https://h.org/app/template/XDATScreen_UpdateUser.vm#tab=alias-token-tab'),
      ),
    ).toBe(true);
    expect(cameForTokenTab({ hash: '#tab=user-profile-tab' }, performanceWith('https://h.org/x.vm'))).toBe(
      false,
    );
  });
});
