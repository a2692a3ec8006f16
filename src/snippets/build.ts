// Pure: a token and a server in, a ready command out. No browser API here.
import { failed, ok, type Result } from '../result';
import type { SnippetFormat } from './format-names';
import { buildFormat } from './formats';
import { checkRequest, type SnippetRequest } from './input';

export interface Snippet {
  format: SnippetFormat;
  text: string;
}

export function buildSnippet(format: SnippetFormat, request: SnippetRequest): Result<Snippet> {
  const checked = checkRequest(request);
  if (!checked.ok) return checked;
  // The renewer times itself by the token's own dates: without them it has no schedule to keep.
  if (format === 'renewing' && (checked.value.created === null || checked.value.expiry === null))
    return failed('undated-token');
  const text = buildFormat(format, checked.value);
  return text === null ? failed('not-quotable') : ok({ format, text });
}
