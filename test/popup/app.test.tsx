import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { submit } from '../fakes/submit';
import { byLabel, byText, fakeActions, mount, section, server, state, token } from './render';

const DEMO = server('XNAT_DEMO', 'http://127.0.0.1:8080/xnat');
const CNDA = server('CNDA', 'https://cnda.example.org');

describe('the popup’s states', () => {
  it('while loading', async () => {
    const root = await mount(state({ loading: true }));
    expect(root.textContent).toContain('Loading your servers…');
  });

  it('no servers on a non-XNAT tab: what to do', async () => {
    const root = await mount(state());
    expect(root.textContent).toContain('Open your XNAT in this tab and click the toolbar button again');
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

  it('tokens with countdown, shortened alias (full on hover), marker and created date', async () => {
    const root = await mount(
      state({
        sections: [
          section(DEMO, [
            token(1, 42, { createdHere: true, label: 'nightly sync' }),
            token(2, 3 * 24 * 60, { singleUse: true }),
          ]),
        ],
      }),
    );
    const rows = root.querySelectorAll('li.token');
    expect(rows).toHaveLength(2);
    const first = rows[0] as HTMLElement;
    expect(first.querySelector('.alias')?.textContent).toBe('61e4f5db…0001');
    expect(first.querySelector('.alias')?.getAttribute('title')).toBe('61e4f5db-33e0-4f06-86e7-000000000001');
    expect(first.querySelector('.countdown')?.textContent).toBe('expires in 42 min');
    expect(first.querySelector('.countdown')?.getAttribute('data-urgency')).toBe('urgent');
    expect(first.querySelector('.label')?.textContent).toBe('nightly sync');
    expect(first.textContent).toContain('made here');
    expect(rows[1]?.textContent).toContain('made elsewhere');
    expect(rows[1]?.textContent).toContain('single use');
  });

  it('counts down in the server’s clock', async () => {
    const skewed = server('XNAT_DEMO', 'http://127.0.0.1:8080/xnat', 2 * 3600_000);
    const root = await mount(state({ sections: [section(skewed, [token(1, 3 * 60)])] }));
    expect(root.querySelector('.countdown')?.textContent).toBe('expires in 1 h');
  });

  it('an empty list says so', async () => {
    const root = await mount(state({ sections: [section(DEMO, [])] }));
    expect(root.textContent).toContain('No alias tokens on this server yet.');
  });

  it('the cached list is marked while the fresh one loads', async () => {
    const root = await mount(
      state({ sections: [section(DEMO, [token(1, 60)], { cached: true, loading: true })] }),
    );
    expect(root.textContent).toContain('Last known list; checking XNAT…');
    expect(root.querySelectorAll('li.token')).toHaveLength(1);
  });

  it.each([
    ['logged-out', 'You are not logged in to this XNAT.', 'Open XNAT to log in', 'openLogin'],
    ['no-permission', 'The extension has no access to this server any more.', 'Grant access', 'grantServer'],
    ['not-xnat', 'This address no longer answers as XNAT.', 'Retry', 'refresh'],
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

  it('other servers collapse, showing their token count', async () => {
    const actions = fakeActions();
    const root = await mount(
      state({
        sections: [
          section(DEMO, [token(1, 60)]),
          section(CNDA, [token(2, 60), token(3, 90)], { collapsed: true }),
        ],
      }),
      actions,
    );
    const toggle = byLabel(root, 'Show tokens of CNDA') as HTMLButtonElement;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(toggle.textContent).toContain('2 tokens');
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

describe('actions and the keyboard', () => {
  const setup = async () => {
    const actions = fakeActions();
    const root = await mount(state({ sections: [section(DEMO, [token(7, 60)])] }), actions);
    return { actions, root, row: root.querySelector('li.token') as HTMLElement };
  };

  it('Copy copies the default format; Enter on a focused row does the same', async () => {
    const { actions, root, row } = await setup();
    byText(root, 'Copy')?.click();
    row.focus();
    row.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(actions.copy.mock.calls).toEqual([
      [DEMO.id, 7],
      [DEMO.id, 7],
    ]);
  });

  it('every control is labelled', async () => {
    const { root } = await setup();
    for (const button of root.querySelectorAll('button')) {
      expect(button.getAttribute('aria-label') ?? button.textContent?.trim()).toBeTruthy();
    }
  });

  it('the format menu opens, copies the chosen format, and closes with Escape', async () => {
    const { actions, root } = await setup();
    const more = byLabel(root, /^More copy formats/) as HTMLButtonElement;
    await act(() => more.click());
    expect(more.getAttribute('aria-expanded')).toBe('true');
    const menu = root.querySelector('[role=menu]') as HTMLElement;
    expect(menu.querySelectorAll('[role=menuitem]')).toHaveLength(9);
    await act(() => {
      menu.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(root.querySelector('[role=menu]')).toBeNull();
    await act(() => more.click());
    await act(() => (root.querySelector('[data-format="pyxnat"]') as HTMLButtonElement).click());
    expect(actions.copy).toHaveBeenCalledWith(DEMO.id, 7, 'pyxnat');
    expect(root.querySelector('[role=menu]')).toBeNull();
  });

  it('Delete asks first, repeating XNAT’s warning about pipelines', async () => {
    const { actions, root } = await setup();
    await act(() => (byLabel(root, /^Delete token/) as HTMLButtonElement).click());
    expect(actions.remove).not.toHaveBeenCalled();
    expect(root.querySelector('[role=alertdialog]')?.textContent).toContain(
      'could cause a pipeline to fail midstream',
    );
    await act(() => byText(root, 'Delete token')?.click());
    expect(actions.remove).toHaveBeenCalledWith(DEMO.id, 7);
  });

  it('a local label is edited inline and saved', async () => {
    const { actions, root } = await setup();
    await act(() => (byLabel(root, /^Edit the local label/) as HTMLButtonElement).click());
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
    byLabel(root, 'Create a new alias token on XNAT_DEMO and copy its command')?.click();
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

describe('long lists', () => {
  it('show the newest twenty tokens, and all of them on request', async () => {
    const many = Array.from({ length: 120 }, (_, i) => token(i + 1, 60 + i));
    const root = await mount(state({ sections: [section(DEMO, many)] }));
    expect(root.querySelectorAll('li.token')).toHaveLength(20);
    await act(() => byText(root, 'Show all 120 tokens')?.click());
    expect(root.querySelectorAll('li.token')).toHaveLength(120);
  });
});

describe('server text is text', () => {
  it('a site name with markup is shown, not run', async () => {
    const evil = server('<img src=x onerror="alert(1)">', 'https://evil.example.org');
    const root = await mount(state({ sections: [section(evil, [])] }));
    expect(root.querySelector('img[onerror]')).toBeNull();
    expect(root.querySelector('.site')?.textContent).toBe('<img src=x onerror="alert(1)">');
  });
});
