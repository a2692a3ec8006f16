// The real webextension-polyfill throws outside an extension, so unit tests never load it.
import { vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: {} }));
