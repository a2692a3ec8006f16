// The popup's and options page's words come from messages.json through this one function type,
// so components can be rendered in tests with the same strings.
import type { MessageKey } from '../platform/i18n';

export type Strings = (key: MessageKey, ...substitutions: string[]) => string;
