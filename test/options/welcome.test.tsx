import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import type { OptionsState } from '../../src/options/controller';
import { WelcomeApp } from '../../src/options/welcome-app';
import { submit } from '../fakes/submit';
import { server } from '../popup/render';
import { mountView } from './render';

const mount = (state: Partial<OptionsState> = {}) => mountView(WelcomeApp, state);

describe('the welcome page', () => {
  it('explains alias tokens, offers Add your XNAT with any address, the pin hint and the settings', async () => {
    const { root, actions } = await mount();
    expect(root.querySelector('h1')?.textContent).toBe('Welcome to XNAT Token Tools');
    expect(root.textContent).toContain('An alias token is a temporary user name');
    expect([...root.querySelectorAll('h2')].map((h) => h.textContent)).toEqual([
      'Add your XNAT',
      'Keep the button at hand',
    ]);
    const field = root.querySelector('#server-url') as HTMLInputElement;
    expect(root.querySelector('label[for=server-url]')?.textContent).toBe(
      'The address of your XNAT, or of any page on it',
    );
    await act(() => {
      field.value = 'xnat.example.org/xnat/app/template/Index.vm';
      field.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await submit(root.querySelector('form') as HTMLFormElement);
    expect(actions.addServer).toHaveBeenCalledWith('xnat.example.org/xnat/app/template/Index.vm');
    expect(root.querySelector('a[href="index.html"]')?.textContent).toBe('All settings');
    // Settings proper are not on the welcome page: one thing to do first.
    expect(root.querySelector('select')).toBeNull();
  });

  it('once a server is added, shows the way to its token page and says the result beside the field', async () => {
    const demo = server('XNAT_DEMO', 'http://127.0.0.1:8080/xnat');
    const { root, actions } = await mount({
      servers: [demo],
      feedback: { field: 'servers', kind: 'ok', text: 'Added XNAT_DEMO (127.0.0.1:8080/xnat).' },
    });
    expect(root.querySelector('form [role=status]')?.textContent).toBe(
      'Added XNAT_DEMO (127.0.0.1:8080/xnat).',
    );
    expect(root.textContent).toContain('Next: your tokens');
    const open = [...root.querySelectorAll('button')].find(
      (b) => b.textContent === 'Open the token page of XNAT_DEMO (127.0.0.1:8080/xnat)',
    );
    await act(() => open?.click());
    expect(actions.openTokenPage).toHaveBeenCalledWith(demo.id);
  });
});
