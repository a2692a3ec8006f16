// Renders the popup's App into happy-dom with a given state and recording actions.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { vi } from 'vitest';
import { App } from '../../src/popup/app';
import type { PopupActions } from '../../src/popup/controller';
import type { PopupState, ServerSection } from '../../src/popup/model';
import type { Server, TokenMeta } from '../../src/storage/schema';
import { DEFAULT_SETTINGS } from '../../src/storage/schema';
import { t } from '../fakes/strings';

export const NOW = Date.UTC(2026, 10, 27, 12, 0, 0);
const MIN = 60_000;

export function server(siteId: string, id: string, clockOffsetMs = 0): Server {
  const url = new URL(id);
  return {
    id,
    origin: url.origin,
    contextPath: url.pathname.replace(/\/$/, ''),
    siteId,
    version: '1.8.11',
    clockOffsetMs,
  };
}

export function token(id: number, expiresInMin: number, extra: Partial<TokenMeta> = {}): TokenMeta {
  return {
    id,
    alias: `61e4f5db-33e0-4f06-86e7-${String(id).padStart(12, '0')}`,
    created: NOW - 60 * MIN,
    expiry: NOW + expiresInMin * MIN,
    singleUse: false,
    createdHere: false,
    ...extra,
  };
}

/** A server's section: `yours` are the tokens the user uses; the others come by `extra`. */
export function section(s: Server, yours: TokenMeta[], extra: Partial<ServerSection> = {}): ServerSection {
  return {
    server: s,
    yours,
    others: 0,
    otherTokens: null,
    showOthers: false,
    filter: '',
    refused: 0,
    foreign: 0,
    containerService: null,
    cached: false,
    loading: false,
    failure: null,
    collapsed: false,
    busy: false,
    ...extra,
  };
}

export function state(extra: Partial<PopupState> = {}): PopupState {
  return {
    loading: false,
    tab: { kind: 'not-xnat' },
    sections: [],
    settings: DEFAULT_SETTINGS,
    notice: null,
    clipboardHistoryNote: false,
    now: NOW,
    ...extra,
  };
}

export function fakeActions(): PopupActions & { [K in keyof PopupActions]: ReturnType<typeof vi.fn> } {
  return {
    addTab: vi.fn(),
    grantServer: vi.fn(),
    refresh: vi.fn(async () => {}),
    toggle: vi.fn(),
    copy: vi.fn(async () => {}),
    create: vi.fn(async () => {}),
    remove: vi.fn(async () => {}),
    replace: vi.fn(async () => {}),
    keep: vi.fn(async () => {}),
    deleteLeftovers: vi.fn(async () => {}),
    saveLabel: vi.fn(async () => {}),
    watch: vi.fn(async () => {}),
    toggleOthers: vi.fn(async () => {}),
    setFilter: vi.fn(async () => {}),
    openLogin: vi.fn(),
    openTokenPage: vi.fn(),
    openOptions: vi.fn(),
    dismissNotice: vi.fn(),
  } as never;
}

export async function mount(s: PopupState, actions: PopupActions = fakeActions()): Promise<HTMLElement> {
  document.body.innerHTML = '<div id="app"></div>';
  const root = document.getElementById('app') as HTMLElement;
  await act(() => {
    render(<App state={s} actions={actions} t={t} />, root);
  });
  return root;
}

export const byLabel = (root: HTMLElement, label: string | RegExp) =>
  [...root.querySelectorAll<HTMLElement>('[aria-label]')].find((el) => {
    const value = el.getAttribute('aria-label') ?? '';
    return typeof label === 'string' ? value === label : label.test(value);
  }) ?? null;

export const byText = (root: HTMLElement, text: string | RegExp) =>
  [...root.querySelectorAll<HTMLElement>('button')].find((el) =>
    typeof text === 'string' ? el.textContent === text : text.test(el.textContent ?? ''),
  ) ?? null;
