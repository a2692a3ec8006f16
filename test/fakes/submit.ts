import { act } from 'preact/test-utils';

/** Submits a form as the browser would on Enter or a submit button. */
export function submit(form: HTMLFormElement): Promise<void> {
  return act(() => {
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
}
