// Renders a settings-page view (the settings or the welcome page) from a loaded state, with spy
// actions and the real words of a locale.
import { type FunctionComponent, render } from 'preact';
import { act } from 'preact/test-utils';
import { vi } from 'vitest';
import type { Strings } from '../../src/i18n/strings';
import type { OptionsActions, OptionsState, OptionsViewProps } from '../../src/options/controller';
import { DEFAULT_SETTINGS } from '../../src/storage/schema';
import { t as english } from '../fakes/strings';

export function optionsState(patch: Partial<OptionsState> = {}): OptionsState {
  return {
    loaded: true,
    servers: [],
    settings: DEFAULT_SETTINGS,
    feedback: null,
    adding: false,
    canReadClipboard: true,
    ...patch,
  };
}

export function optionsActions() {
  return {
    addServer: vi.fn(),
    removeServer: vi.fn(),
    openTokenPage: vi.fn(),
    save: vi.fn(),
  } satisfies OptionsActions;
}

export async function mountView(
  View: FunctionComponent<OptionsViewProps>,
  state: Partial<OptionsState> = {},
  t: Strings = english,
) {
  const actions = optionsActions();
  document.body.innerHTML = '<div id="app"></div>';
  const root = document.getElementById('app') as HTMLElement;
  await act(() => render(<View state={optionsState(state)} actions={actions} t={t} />, root));
  return { root, actions };
}
