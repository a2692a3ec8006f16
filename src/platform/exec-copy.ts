// Writes text with a `copy` event and execCommand: the one way that works without focus and without
// a user gesture, in Chrome's offscreen document and Firefox's background page, and that can write
// an empty string to clear (../shared/browser-notes.md §A).

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
