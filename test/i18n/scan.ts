// Finds the string literals and JSX text in a TypeScript source: enough of a tokenizer to skip
// comments and regular expressions' quotes without pulling in a parser.
export interface Literal {
  text: string;
  line: number;
  /** The code just before it on the same line: `console.warn(`, `new Error(`, `aria-label=`. */
  before: string;
}

export function literalsIn(source: string): Literal[] {
  const found: Literal[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const push = (text: string, at: number) =>
    found.push({ text, line, before: source.slice(lineStart, at).trimStart() });
  while (i < source.length) {
    const c = source[i] as string;
    const next = source[i + 1];
    if (c === '\n') {
      line++;
      lineStart = i + 1;
      i++;
    } else if (c === '/' && next === '/') {
      while (i < source.length && source[i] !== '\n') i++;
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      for (const ch of source.slice(i, end)) if (ch === '\n') line++;
      lineStart = source.lastIndexOf('\n', end) + 1;
      i = end + 2;
    } else if (c === '/' && startsRegex(source, i)) {
      i = regexEnd(source, i);
    } else if (c === "'" || c === '"' || c === '`') {
      const start = i;
      i++;
      let text = '';
      while (i < source.length && source[i] !== c) {
        if (source[i] === '\\') {
          text += source[i + 1];
          i += 2;
        } else if (c === '`' && source[i] === '$' && source[i + 1] === '{') {
          let depth = 1;
          i += 2;
          while (depth > 0 && i < source.length) {
            if (source[i] === '{') depth++;
            if (source[i] === '}') depth--;
            i++;
          }
          text += '…';
        } else {
          text += source[i];
          i++;
        }
      }
      push(text, start);
      i++;
    } else if (c === '>' && /[A-Za-z]/.test(next ?? '')) {
      // JSX text: `>words<` on one line.
      const end = source.indexOf('<', i + 1);
      const newline = source.indexOf('\n', i + 1);
      if (end > 0 && (newline < 0 || end < newline)) push(source.slice(i + 1, end).trim(), i);
      i++;
    } else i++;
  }
  return found;
}

/** A `/` where an expression starts (after `=`, `(`, `,`, `return` …) opens a regular expression. */
function startsRegex(source: string, at: number): boolean {
  const before = source.slice(Math.max(0, at - 12), at).trimEnd();
  return before === '' || /[=(,:[!&|?{};]$/.test(before) || /\breturn$/.test(before);
}

function regexEnd(source: string, at: number): number {
  let i = at + 1;
  let inClass = false;
  while (i < source.length && source[i] !== '\n') {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    else if (c === '/' && !inClass) return i + 1;
    i++;
  }
  return i;
}

/** Two or more words of letters: how prose looks, as opposed to keys, paths, CSS or code. */
export function looksLikeProse(text: string): boolean {
  return /\b[A-Za-z][a-z]+\s+[a-z]{2,}\b/.test(text);
}
