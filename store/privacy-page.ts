// PRIVACY.md as the page the extension ships (privacy.html), so the settings and the welcome page
// link to the same words the repository and the store listings do. Only what PRIVACY.md uses is
// understood: headings, paragraphs, lists, rules, bold, italics, code and in-page links.

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** GitHub's heading anchors: lower case, spaces to hyphens, punctuation dropped. */
export const anchorOf = (heading: string) =>
  heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N} -]/gu, '')
    .replace(/ /g, '-');

function inline(text: string): string {
  return escapeHtml(text)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[\s(])_([^_]+)_/g, '$1<em>$2</em>')
    .replace(/\[([^\]]+)\]\((#[^)]+)\)/g, '<a href="$2">$1</a>');
}

export function privacyPage(markdown: string): string {
  const html: string[] = [];
  let paragraph: string[] = [];
  let list: string[] | null = null;
  const flush = () => {
    if (paragraph.length) html.push(`<p>${inline(paragraph.join(' '))}</p>`);
    paragraph = [];
    if (list) html.push(`<ul>${list.map((item) => `<li>${inline(item)}</li>`).join('')}</ul>`);
    list = null;
  };
  for (const line of markdown.split('\n')) {
    const heading = /^(#{1,3}) (.+)$/.exec(line);
    if (heading) {
      flush();
      const [, marks = '#', text = ''] = heading;
      html.push(`<h${marks.length} id="${anchorOf(text)}">${inline(text)}</h${marks.length}>`);
    } else if (line === '---') {
      flush();
      html.push('<hr>');
    } else if (line.startsWith('- ')) {
      if (paragraph.length) flush();
      list ??= [];
      list.push(line.slice(2));
    } else if (/^\s+\S/.test(line) && list) {
      list[list.length - 1] += ` ${line.trim()}`;
    } else if (line.trim() === '') {
      flush();
    } else {
      paragraph.push(line.trim());
    }
  }
  flush();
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">',
    '<title>XNAT Token Tools: privacy</title>',
    '<style>body{font:15px/1.5 system-ui,sans-serif;max-width:46em;margin:2em auto;padding:0 1em;color:#1d2329}',
    'code{font-size:90%}@media (prefers-color-scheme:dark){body{background:#1b1f24;color:#e6e9ed}a{color:#6ea8ec}}</style>',
    `</head><body>${html.join('\n')}</body></html>`,
    '',
  ].join('\n');
}
