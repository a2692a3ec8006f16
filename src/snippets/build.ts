// Pure: a token and a server in, a ready command out (design.md: snippets/). No browser API here.
import { buildFormat, FORMAT_INFO, type FormatInfo, SNIPPET_FORMATS, type SnippetFormat } from './formats';
import { checkRequest, type SnippetError, type SnippetRequest } from './input';

export interface Snippet extends FormatInfo {
  format: SnippetFormat;
  text: string;
}

export type SnippetResult = { ok: true; snippet: Snippet } | { ok: false; error: SnippetError };

export function isSnippetFormat(value: unknown): value is SnippetFormat {
  return typeof value === 'string' && (SNIPPET_FORMATS as readonly string[]).includes(value);
}

export function buildSnippet(format: SnippetFormat, request: SnippetRequest): SnippetResult {
  const checked = checkRequest(request);
  if (!checked.ok) return checked;
  const text = buildFormat(format, checked.input);
  if (text === null) {
    return {
      ok: false,
      error: {
        kind: 'not-quotable',
        message: `This request path cannot be written safely for ${FORMAT_INFO[format].label}.`,
      },
    };
  }
  return { ok: true, snippet: { format, ...FORMAT_INFO[format], text } };
}
