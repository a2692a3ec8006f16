// A loaded settings page's state and spy actions, for rendering the settings and welcome views.
import { vi } from 'vitest';
import type { OptionsActions, OptionsState } from '../../src/options/controller';
import { DEFAULT_SETTINGS } from '../../src/storage/schema';

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
