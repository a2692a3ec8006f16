import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import type { OptionsState } from '../../src/options/controller';
import { OptionsApp } from '../../src/options/options-app';
import { submit } from '../fakes/submit';
import { server } from '../popup/render';
import { mountView } from './render';

const mount = (state: Partial<OptionsState> = {}) => mountView(OptionsApp, state);

const change = (el: HTMLInputElement | HTMLSelectElement, value: string) =>
  act(() => {
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });

describe('options', () => {
  it('links the privacy policy the extension ships, and the warning for running jobs is on', async () => {
    const { root } = await mount();
    const link = [...root.querySelectorAll('a')].find((a) => a.textContent === 'Privacy policy');
    expect(link?.getAttribute('href')).toBe('/privacy.html');
    const warn = [...root.querySelectorAll('label')].find((l) =>
      l.textContent?.includes('running container'),
    );
    expect((warn?.querySelector('input') as HTMLInputElement | null)?.checked).toBe(true);
  });

  it('adds a server by any address; Remove asks first, says it withdraws access, and Escape backs out', async () => {
    const demo = server('XNAT_DEMO', 'http://127.0.0.1:8080/xnat');
    const { root, actions } = await mount({ servers: [demo] });
    await change(
      root.querySelector('#server-url') as HTMLInputElement,
      'xnat.example.org/xnat/app/template/Index.vm',
    );
    await submit(root.querySelector('form') as HTMLFormElement);
    expect(actions.addServer).toHaveBeenCalledWith('xnat.example.org/xnat/app/template/Index.vm');
    const remove = root.querySelector(
      '[aria-label="Remove XNAT_DEMO (127.0.0.1:8080/xnat) and withdraw the extension\'s access to it"]',
    ) as HTMLButtonElement;
    await act(() => remove.click());
    const question = root.querySelector('[role=alertdialog]') as HTMLElement;
    expect(question.textContent).toContain('gives back its access to the site');
    expect(actions.removeServer).not.toHaveBeenCalled();
    await act(() => {
      question.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(root.querySelector('[role=alertdialog]')).toBeNull();
    await act(() => remove.click());
    await act(() => (root.querySelector('[role=alertdialog] button.danger') as HTMLButtonElement).click());
    expect(actions.removeServer).toHaveBeenCalledWith(demo.id);
  });

  it('says what an alias token is, and where to paste an address from', async () => {
    const { root } = await mount();
    expect(root.textContent).toContain('An alias token is a temporary user name');
    expect(root.querySelector('#server-url-hint')?.textContent).toContain('Manage Alias Tokens page');
  });

  it('saves the default format, the auto-clear delay and the reminders', async () => {
    const { root, actions } = await mount();
    const [format, clear] = [...root.querySelectorAll('select')] as HTMLSelectElement[];
    await change(format as HTMLSelectElement, 'xnatpy');
    await change(clear as HTMLSelectElement, '120');
    expect([...(clear as HTMLSelectElement).options].map((o) => o.textContent)).toEqual([
      'Never',
      'after 30 s',
      'after 1 min',
      'after 2 min',
      'after 5 min',
    ]);
    await act(() => (root.querySelectorAll('input[type=checkbox]')[1] as HTMLInputElement).click());
    expect(actions.save.mock.calls).toEqual([
      [{ defaultFormat: 'xnatpy' }, 'format'],
      [{ clipboardClearSeconds: 120 }, 'autoClear'],
      [{ notifyMinutesBefore: [1440, 0] }, 'reminders'],
    ]);
  });

  it('refuses a request path with shell characters, and says why', async () => {
    const { root, actions } = await mount();
    const input = root.querySelector('#request-path') as HTMLInputElement;
    await change(input, '/data/projects; rm -rf ~');
    expect(actions.save).not.toHaveBeenCalled();
    expect(root.querySelector('#request-path-hint')?.textContent).toBe(
      'Start with / and use only URL characters.',
    );
    await change(input, '/data/experiments?format=json');
    expect(actions.save).toHaveBeenCalledWith(
      { requestPath: '/data/experiments?format=json' },
      'requestPath',
    );
  });

  it('shows feedback beside the field it is about', async () => {
    const { root } = await mount({ feedback: { field: 'format', kind: 'ok', text: 'Saved.' } });
    const feedback = [...root.querySelectorAll('.feedback')].map((p) => p.textContent);
    expect(feedback.filter(Boolean)).toEqual(['Saved.']);
    const select = root.querySelector('select') as HTMLSelectElement;
    expect(select.closest('label')?.nextElementSibling?.textContent).toBe('Saved.');
  });

  it('notes that clipboard history may keep copies', async () => {
    const { root } = await mount();
    expect(root.textContent).toContain('Clipboard history tools');
  });
});
