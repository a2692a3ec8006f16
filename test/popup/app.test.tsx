import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { SNIPPET_FORMATS } from '../../src/snippets/format-names';
import { submit } from '../fakes/submit';
import { byLabel, byText, fakeActions, mount, NOW, section, server, state, token } from './render';

const DEMO = server('XNAT_DEMO', 'http://127.0.0.1:8080/xnat');
const CNDA = server('CNDA', 'https://cnda.example.org');
const mine = (id: number, minutes: number, extra = {}) =>
  token(id, minutes, { yours: { since: 0, why: 'copied' as const }, ...extra });

describe('the popup’s states', () => {
  it('while loading', async () => {
    const root = await mount(state({ loading: true }));
    expect(root.textContent).toContain('Loading your servers…');
  });

  it('no servers on a non-XNAT tab: what to do, and what an alias token is', async () => {
    const root = await mount(state());
    expect(root.textContent).toContain('Open your XNAT in this tab and click the toolbar button again');
    expect(root.textContent).toContain('An alias token is a temporary user name');
  });

  it('an XNAT tab not yet granted: one button grants that host', async () => {
    const actions = fakeActions();
    const tab = { url: 'https://xnat.example.org/xnat/', host: 'xnat.example.org', tabId: 4 };
    const root = await mount(state({ tab: { kind: 'new-xnat', ...tab, granted: false } }), actions);
    expect(root.textContent).toContain('This tab looks like an XNAT server: xnat.example.org');
    byText(root, 'Grant access to xnat.example.org')?.click();
    expect(actions.addTab).toHaveBeenCalledTimes(1);
  });

  it('an unknown XNAT on a host already granted: one button adds it, no grant asked', async () => {
    const actions = fakeActions();
    const tab = { url: 'https://xnat.example.org:8443/', host: 'xnat.example.org:8443', tabId: 4 };
    const root = await mount(state({ tab: { kind: 'new-xnat', ...tab, granted: true } }), actions);
    expect(byText(root, 'Grant access to xnat.example.org:8443')).toBeNull();
    byText(root, 'Add this XNAT (xnat.example.org:8443)')?.click();
    expect(actions.addTab).toHaveBeenCalledTimes(1);
  });

  it('a token: its name (or short alias, full on hover), countdown, creation and why it is the user’s', async () => {
    const root = await mount(
      state({
        sections: [
          section(DEMO, [
            mine(1, 42, { createdHere: true, label: 'nightly sync', yours: { since: 0, why: 'created' } }),
            mine(2, 3 * 24 * 60, { singleUse: true }),
          ]),
        ],
      }),
    );
    const [first, second] = [...root.querySelectorAll('li.token')] as HTMLElement[];
    expect(first?.querySelector('.name')?.textContent).toBe('nightly sync');
    expect(first?.querySelector('.alias')?.textContent).toBe('61e4f5db…0001');
    expect(first?.querySelector('.alias')?.getAttribute('title')).toBe(
      '61e4f5db-33e0-4f06-86e7-000000000001',
    );
    expect(first?.querySelector('.countdown')?.textContent).toBe('expires in 42 min');
    expect(first?.querySelector('.countdown')?.getAttribute('data-urgency')).toBe('urgent');
    expect(first?.textContent).toContain('you made it here');
    expect(second?.querySelector('.name')?.textContent).toBe('61e4f5db…0002');
    expect(second?.textContent).toContain('you copied it');
    expect(second?.textContent).toContain('works only once');
  });

  it('counts down in the server’s clock', async () => {
    const skewed = server('XNAT_DEMO', 'http://127.0.0.1:8080/xnat', 2 * 3600_000);
    const root = await mount(state({ sections: [section(skewed, [mine(1, 3 * 60)])] }));
    expect(root.querySelector('.countdown')?.textContent).toBe('expires in 1 h');
  });

  it('an expired token of the user’s stays, saying XNAT removes it within the hour', async () => {
    const root = await mount(state({ sections: [section(DEMO, [mine(1, -5)])] }));
    expect(root.querySelector('.countdown')?.textContent).toBe('expired; XNAT removes it within the hour');
  });

  it('an empty list says so', async () => {
    const root = await mount(state({ sections: [section(DEMO, [])] }));
    expect(root.textContent).toContain('No alias tokens on this server yet.');
  });

  it('the cached list is marked while the fresh one loads', async () => {
    const root = await mount(
      state({ sections: [section(DEMO, [mine(1, 60)], { cached: true, loading: true })] }),
    );
    expect(root.textContent).toContain('Last known list; checking XNAT…');
    expect(root.querySelectorAll('li.token')).toHaveLength(1);
  });

  it.each([
    ['logged-out', 'You are not logged in to this XNAT.', 'Open XNAT to log in', 'openLogin'],
    ['no-permission', 'The extension has no access to this server.', 'Grant access', 'grantServer'],
    ['not-xnat', 'No XNAT was found at this address.', 'Retry', 'refresh'],
    ['network', 'The server cannot be reached.', 'Retry', 'refresh'],
    ['timeout', 'The server did not answer in time.', 'Retry', 'refresh'],
    ['server-error', 'XNAT answered with an error.', 'Retry', 'refresh'],
  ] as const)('%s: its own words and the one action that helps', async (kind, words, button, action) => {
    const actions = fakeActions();
    const root = await mount(state({ sections: [section(DEMO, [], { failure: { kind } })] }), actions);
    const box = root.querySelector('.state') as HTMLElement;
    expect(box.textContent).toContain(words);
    (box.querySelector('button') as HTMLButtonElement).click();
    expect(box.querySelector('button')?.textContent).toBe(button);
    expect(actions[action]).toHaveBeenCalledWith(DEMO.id);
  });

  it('a version that cannot list tokens says so, offers no useless retry, and still lets the user create', async () => {
    const root = await mount(
      state({
        sections: [section(DEMO, [], { failure: { kind: 'unsupported-version', version: '1.7.3' } })],
      }),
    );
    const box = root.querySelector('.state') as HTMLElement;
    expect(box.textContent).toBe('This XNAT (1.7.3) cannot list alias tokens; upgrade to 1.7.5 or later.');
    expect(box.querySelector('button')).toBeNull();
    expect((byLabel(root, /^New token on XNAT_DEMO/) as HTMLButtonElement).disabled).toBe(false);
  });

  it('logged out: the last known list stays, marked as not fresh, and its actions are off with the reason', async () => {
    const root = await mount(
      state({ sections: [section(DEMO, [mine(1, 60)], { failure: { kind: 'logged-out' } })] }),
    );
    expect(root.querySelectorAll('li.token')).toHaveLength(1);
    expect(root.textContent).toContain('Last known list, not up to date.');
    const create = byLabel(root, /^New token on XNAT_DEMO/) as HTMLButtonElement;
    const copy = byText(root, 'Copy curl') as HTMLButtonElement;
    for (const button of [create, copy]) {
      expect(button.disabled).toBe(true);
      expect(button.title).toBe('You are not logged in to this XNAT.');
    }
    expect(create.getAttribute('aria-describedby')).toBe(root.querySelector('.state')?.id);
  });

  it('other servers collapse, showing their name, host and token count', async () => {
    const actions = fakeActions();
    const root = await mount(
      state({
        sections: [
          section(DEMO, [mine(1, 60)]),
          section(CNDA, [mine(2, 60)], { others: 1, collapsed: true }),
        ],
      }),
      actions,
    );
    const toggle = [...root.querySelectorAll<HTMLButtonElement>('button.toggle')][1] as HTMLButtonElement;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(toggle.textContent).toBe('▸CNDAcnda.example.org2 tokens');
    expect(root.querySelectorAll('li.token')).toHaveLength(1);
    toggle.click();
    expect(actions.toggle).toHaveBeenCalledWith(CNDA.id);
  });

  it('notices are announced and can be dismissed; the clipboard-history note shows after a copy', async () => {
    const actions = fakeActions();
    const root = await mount(
      state({ notice: { kind: 'ok', text: 'Copied curl.' }, clipboardHistoryNote: true }),
      actions,
    );
    expect(root.querySelector('[role=status]')?.textContent).toContain('Copied curl.');
    expect(root.textContent).toContain('clipboard history may keep copies');
    byLabel(root, 'Dismiss')?.click();
    expect(actions.dismissNotice).toHaveBeenCalled();
  });
});

describe('tokens the user uses, and the others', () => {
  it('the user’s come first; the others wait behind their count, and open on request', async () => {
    const actions = fakeActions();
    const root = await mount(state({ sections: [section(DEMO, [mine(1, 60)], { others: 300 })] }), actions);
    expect(root.querySelectorAll('li.token')).toHaveLength(1);
    const others = byText(root, /300 other tokens/) as HTMLButtonElement;
    expect(others.getAttribute('aria-expanded')).toBe('false');
    others.click();
    expect(actions.toggleOthers).toHaveBeenCalledWith(DEMO.id);
    const open = await mount(
      state({
        sections: [
          section(DEMO, [mine(1, 60)], {
            others: 2,
            otherTokens: [token(5, 90), token(6, 80)],
            showOthers: true,
          }),
        ],
      }),
    );
    expect(open.querySelectorAll('li.token')).toHaveLength(3);
  });

  it('names the other tokens by their containers, and offers to delete the leftovers after asking', async () => {
    const actions = fakeActions();
    const running = token(5, 90, {
      container: { running: true, what: 'dcm2niix', project: 'P1', since: NOW - 47 * 3600_000 },
    });
    const done = token(6, 80, {
      container: { running: false, what: 'recon-all', project: '', since: NOW - 3 * 86_400_000 },
    });
    const root = await mount(
      state({
        sections: [
          section(DEMO, [], { others: 3, otherTokens: [running, done, token(7, 70)], showOthers: true }),
        ],
      }),
      actions,
    );
    expect([...root.querySelectorAll('.held')].map((e) => e.textContent)).toEqual([
      'container: dcm2niix · P1 · running 1 d 23 h',
      'container: recon-all · finished 3 d ago',
    ]);
    await act(() => byText(root, 'Delete 1 leftover token')?.click());
    const dialog = root.querySelector('[role=alertdialog]') as HTMLElement;
    expect(dialog.textContent).toContain('Delete 1 token whose container has finished?');
    expect(dialog.textContent).toContain('could cause a pipeline to fail midstream');
    await act(() => byText(root, 'Delete leftover tokens')?.click());
    expect(actions.deleteLeftovers).toHaveBeenCalledWith(DEMO.id);
  });

  it('with none marked yet, says how a token becomes the user’s', async () => {
    const root = await mount(state({ sections: [section(DEMO, [], { others: 3 })] }));
    expect(root.textContent).toContain('Copy one, create one or press Remind me');
  });

  it('Remind me turns reminders on for a token, and off again', async () => {
    const actions = fakeActions();
    const root = await mount(
      state({
        sections: [
          section(DEMO, [mine(1, 60)], { others: 1, otherTokens: [token(5, 90)], showOthers: true }),
        ],
      }),
      actions,
    );
    const [on, off] = [...root.querySelectorAll<HTMLButtonElement>('button.watch')];
    expect([on?.getAttribute('aria-pressed'), off?.getAttribute('aria-pressed')]).toEqual(['true', 'false']);
    expect(on?.getAttribute('aria-label')).toBe('Remind me about 61e4f5db…0001');
    on?.click();
    off?.click();
    expect(actions.watch.mock.calls).toEqual([
      [DEMO.id, 1, false],
      [DEMO.id, 5, true],
    ]);
  });

  it('a server listing more than twenty tokens gets a filter box, by alias or name', async () => {
    const actions = fakeActions();
    const root = await mount(
      state({
        sections: [section(DEMO, [mine(1, 60, { label: 'nightly-sync' }), mine(2, 70)], { others: 30 })],
      }),
      actions,
    );
    const box = root.querySelector('input.filter') as HTMLInputElement;
    expect(box.getAttribute('aria-label')).toBe('Find a token on XNAT_DEMO by alias or name');
    box.value = 'night';
    box.dispatchEvent(new Event('input', { bubbles: true }));
    expect(actions.setFilter).toHaveBeenCalledWith(DEMO.id, 'night');
    const filtered = await mount(
      state({
        sections: [
          section(DEMO, [mine(1, 60, { label: 'nightly-sync' }), mine(2, 70)], {
            others: 30,
            otherTokens: [],
            filter: 'night',
          }),
        ],
      }),
    );
    expect([...filtered.querySelectorAll('li.token .name')].map((n) => n.textContent)).toEqual([
      'nightly-sync',
    ]);
    expect(
      (await mount(state({ sections: [section(DEMO, [mine(1, 60)], { others: 19 })] }))).querySelector(
        'input.filter',
      ),
    ).toBeNull();
  });
});

describe('actions and the keyboard', () => {
  const setup = async () => {
    const actions = fakeActions();
    const root = await mount(state({ sections: [section(DEMO, [mine(7, 60)])] }), actions);
    return { actions, root, row: root.querySelector('li.token') as HTMLElement };
  };
  const key = (target: Element, name: string) =>
    act(() => {
      target.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true }));
    });

  it('Copy curl copies the default format; Enter on a focused row does the same', async () => {
    const { actions, root, row } = await setup();
    byText(root, 'Copy curl')?.click();
    row.focus();
    row.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(actions.copy.mock.calls).toEqual([
      [DEMO.id, 7],
      [DEMO.id, 7],
    ]);
  });

  it('every control is labelled, and a label holds the words it shows', async () => {
    const { root } = await setup();
    for (const button of root.querySelectorAll('button')) {
      const visible = (button.textContent ?? '').replace(/[^\p{L}\p{N} ]/gu, '').trim();
      const name = button.getAttribute('aria-label') ?? visible;
      expect(name).toBeTruthy();
      expect(name.toLowerCase()).toContain(visible.toLowerCase());
    }
  });

  it('the format menu follows the menu-button pattern and copies the chosen format', async () => {
    const { actions, root } = await setup();
    const more = byLabel(root, /^More ways to copy/) as HTMLButtonElement;
    await key(more, 'ArrowDown');
    const menu = root.querySelector('[role=menu]') as HTMLElement;
    expect(more.getAttribute('aria-expanded')).toBe('true');
    expect(menu.querySelectorAll('[role=menuitem]')).toHaveLength(SNIPPET_FORMATS.length);
    const focused = () => (document.activeElement as HTMLElement | null)?.dataset.format;
    expect(focused()).toBe('curl');
    await key(menu, 'ArrowDown');
    expect(focused()).toBe('curl-session');
    await key(menu, 'End');
    expect(focused()).toBe('secret');
    await key(menu, 'Home');
    expect(focused()).toBe('curl');
    await key(menu, 'Escape');
    expect(root.querySelector('[role=menu]')).toBeNull();
    expect(document.activeElement).toBe(more);
    await key(more, 'ArrowUp');
    expect(focused()).toBe('secret');
    await key(root.querySelector('[role=menu]') as HTMLElement, 'Tab');
    expect(root.querySelector('[role=menu]')).toBeNull();
    await act(() => more.click());
    await act(() => (root.querySelector('[data-format="pyxnat"]') as HTMLButtonElement).click());
    expect(actions.copy).toHaveBeenCalledWith(DEMO.id, 7, 'pyxnat');
    expect(root.querySelector('[role=menu]')).toBeNull();
  });

  it('Delete asks first, repeating XNAT’s warning about pipelines; Escape cancels', async () => {
    const { actions, root } = await setup();
    const remove = byLabel(root, /^Delete 61e4/) as HTMLButtonElement;
    await act(() => remove.click());
    const dialog = root.querySelector('[role=alertdialog]') as HTMLElement;
    expect(dialog.textContent).toContain('could cause a pipeline to fail midstream');
    await key(dialog, 'Escape');
    expect(root.querySelector('[role=alertdialog]')).toBeNull();
    expect(document.activeElement).toBe(remove);
    await act(() => remove.click());
    await act(() => byText(root, 'Delete token')?.click());
    expect(actions.remove).toHaveBeenCalledWith(DEMO.id, 7);
  });

  it('Escape pressed before focus reaches the question still cancels it', async () => {
    const { root } = await setup();
    const remove = byLabel(root, /^Delete 61e4/) as HTMLButtonElement;
    await act(() => remove.click());
    remove.focus();
    await key(remove, 'Escape');
    expect(root.querySelector('[role=alertdialog]')).toBeNull();
  });

  it('Replace asks when to delete the old token, in an hour first, repeating XNAT’s warning', async () => {
    const { actions, root } = await setup();
    await act(() => (byLabel(root, /^Replace 61e4/) as HTMLButtonElement).click());
    const dialog = root.querySelector('[role=alertdialog]') as HTMLElement;
    expect(dialog.textContent).toContain('A new token takes its name and reminders and is copied as curl.');
    expect(dialog.textContent).toContain('could cause a pipeline to fail midstream');
    expect((document.activeElement as HTMLElement).textContent).toBe('in 1 hour');
    await act(() => byText(root, 'when it expires')?.click());
    expect(actions.replace).toHaveBeenCalledWith(DEMO.id, 7, 'at-expiry');
    expect(root.querySelector('[role=alertdialog]')).toBeNull();
  });

  it('a replaced token says when it goes, and Keep keeps it', async () => {
    const actions = fakeActions();
    const waiting = token(8, 600, { deleteAt: NOW + 59 * 60_000 + 30_000 });
    const root = await mount(state({ sections: [section(DEMO, [waiting])] }), actions);
    expect(root.querySelector('.pending')?.textContent).toBe('replaced: deleted in 59 min');
    expect(byLabel(root, /^Replace 61e4/)).toBeNull();
    await act(() => (byLabel(root, /^Keep 61e4/) as HTMLButtonElement).click());
    expect(actions.keep).toHaveBeenCalledWith(DEMO.id, 8);
  });

  it('a name for the token is edited inline and saved', async () => {
    const { actions, root } = await setup();
    await act(() => (byLabel(root, /^Name 61e4/) as HTMLButtonElement).click());
    const input = root.querySelector('.label-form input') as HTMLInputElement;
    input.value = 'nightly sync';
    await act(() => {
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await submit(root.querySelector('.label-form') as HTMLFormElement);
    expect(actions.saveLabel).toHaveBeenCalledWith(DEMO.id, 7, 'nightly sync');
  });

  it('New token and Refresh', async () => {
    const { actions, root } = await setup();
    byLabel(root, 'New token on XNAT_DEMO (127.0.0.1:8080/xnat), copied as a command')?.click();
    byLabel(root, 'Reload the tokens of XNAT_DEMO')?.click();
    expect(actions.create).toHaveBeenCalledWith(DEMO.id);
    expect(actions.refresh).toHaveBeenCalledWith(DEMO.id);
  });

  it('a link opens XNAT’s own token page for the server', async () => {
    const { actions, root } = await setup();
    byText(root, 'Open the Manage Alias Tokens page of XNAT_DEMO')?.click();
    expect(actions.openTokenPage).toHaveBeenCalledWith(DEMO.id);
  });
});

describe('accounts', () => {
  it('each server says whose tokens it lists, and that another account’s are kept', async () => {
    const asAlice = { ...DEMO, account: 'alice', accounts: ['alice'] };
    const asBob = { ...CNDA, account: 'bob', accounts: ['alice', 'bob'] };
    const root = await mount(state({ sections: [section(asAlice, [mine(1, 60)]), section(asBob, [])] }));
    const lines = [...root.querySelectorAll('.account')].map((p) => p.textContent);
    expect(lines).toEqual([
      'Tokens of XNAT account alice.',
      'Tokens of XNAT account bob. What you set up as alice is kept for when you log in that way again.',
    ]);
  });

  it('says how long tokens last on the site, and colours countdowns by it', async () => {
    const sixHours = { ...DEMO, account: 'alice', tokenLifetimeMs: 6 * 3600_000 };
    const root = await mount(state({ sections: [section(sixHours, [mine(1, 20)])] }));
    expect(root.querySelector('.account')?.textContent).toBe(
      'Tokens of XNAT account alice. Tokens here last 6 h.',
    );
    // 20 minutes left: urgent on XNAT's default 2 days, not yet on a 6-hour site (its last 7.5 min).
    expect(root.querySelector('.countdown')?.getAttribute('data-urgency')).toBe('soon');
  });

  it('tokens of another account in the list are flagged, not shown', async () => {
    const planted = { ...DEMO, account: 'alice', accounts: ['alice'] };
    const root = await mount(state({ sections: [section(planted, [], { foreign: 3 })] }));
    const alert = root.querySelector('.warning[role=alert]');
    expect(alert?.textContent).toBe(
      "XNAT listed 3 tokens of another account than alice. They are not shown and cannot be copied: someone else's session may be set for this server. Log out of XNAT and log in again.",
    );
    expect(root.querySelectorAll('li.token')).toHaveLength(0);
  });
});

describe('a server that sends what cannot be drawn', () => {
  it('loses its own section, with a message; the others are drawn', async () => {
    const broken = token(9, 60, { alias: undefined as unknown as string });
    const root = await mount(state({ sections: [section(DEMO, [broken]), section(CNDA, [mine(1, 60)])] }));
    const alert = root.querySelector('[role=alert]');
    expect(alert?.textContent).toMatch(/^The tokens of XNAT_DEMO cannot be shown/);
    expect(root.querySelectorAll('li.token')).toHaveLength(1);
    expect(root.textContent).toContain('CNDA');
  });
});

describe('server text is text', () => {
  it('a site name with markup is shown, not run, and cleaned of control characters', async () => {
    const evil = server('<img src=x onerror="alert(1)">\u202E', 'https://evil.example.org');
    const root = await mount(state({ sections: [section(evil, [])] }));
    expect(root.querySelector('img[onerror]')).toBeNull();
    expect(root.querySelector('.site')?.textContent).toBe('<img src=x onerror="alert(1)">');
  });
});
