// The names of the formats the extension copies, apart from their builders: the popup, the settings
// and the page script need the names only, and must not carry the builders (nor the xnat-renew
// program one of them ships).
export const SNIPPET_FORMATS = [
  'curl',
  'curl-session',
  'netrc',
  'renewing',
  'env',
  'powershell',
  'cmd',
  'xnatpy',
  'pyxnat',
  'redacted',
  'alias',
  'secret',
] as const;

export type SnippetFormat = (typeof SNIPPET_FORMATS)[number];

export function isSnippetFormat(value: unknown): value is SnippetFormat {
  return typeof value === 'string' && (SNIPPET_FORMATS as readonly string[]).includes(value);
}
