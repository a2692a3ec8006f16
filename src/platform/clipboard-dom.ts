// The clipboard through a document, where the background has one: Chrome's offscreen document and
// Firefox's background page. A `copy` event with execCommand is the one way that works there without
// focus or a user gesture, and can write an empty string to clear; `paste` reads only with the
// optional clipboardRead permission.

export function copyWithExecCommand(doc: Document, text: string): boolean {
  const onCopy = (event: ClipboardEvent) => {
    event.clipboardData?.setData('text/plain', text);
    event.preventDefault();
  };
  doc.addEventListener('copy', onCopy, { once: true });
  try {
    return doc.execCommand('copy');
  } finally {
    doc.removeEventListener('copy', onCopy);
  }
}

/** The clipboard's text, or null when it may not be read. */
export function pasteWithExecCommand(doc: Document): string | null {
  let text: string | null = null;
  const onPaste = (event: ClipboardEvent) => {
    text = event.clipboardData?.getData('text/plain') ?? '';
    event.preventDefault();
  };
  doc.addEventListener('paste', onPaste, { once: true });
  try {
    return doc.execCommand('paste') ? text : null;
  } finally {
    doc.removeEventListener('paste', onPaste);
  }
}

/**
 * What the extension remembers of a text it wrote, to recognise it later: a SHA-256, never the text.
 * The commands hold a 64-character random secret, so the fingerprint cannot be turned back.
 */
export async function fingerprint(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Clears the clipboard only if it still holds the text with this fingerprint. */
export async function clearIfUnchanged(doc: Document, expected: string): Promise<boolean> {
  const current = pasteWithExecCommand(doc);
  if (current === null || (await fingerprint(current)) !== expected) return false;
  return copyWithExecCommand(doc, '');
}
