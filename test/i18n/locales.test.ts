// Every word the user sees lives in public/_locales/<lang>/messages.json, complete in English and
// German: the same keys, the same placeholders, plural forms in pairs, and no English prose left in
// src/ where a translator cannot reach it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import de from '../../public/_locales/de/messages.json';
import en from '../../public/_locales/en/messages.json';
import { literalsIn, looksLikeProse } from './scan';

const ROOT = path.resolve(import.meta.dirname, '../..');
const LOCALES: Record<string, Record<string, { message: string }>> = { en, de };

function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return filesUnder(file, pattern);
    return pattern.test(name) ? [file] : [];
  });
}

const placeholders = (message: string) => (message.match(/\$(\d|\$)/g) ?? []).sort();

describe('the locales', () => {
  it.each(Object.keys(LOCALES))('%s has every key of the others, each with words', (lang) => {
    const keys = Object.keys(LOCALES[lang] ?? {});
    for (const other of Object.values(LOCALES)) expect(keys.sort()).toEqual(Object.keys(other).sort());
    for (const [key, { message }] of Object.entries(LOCALES[lang] ?? {}))
      expect(message.trim(), `${lang}.${key}`).not.toBe('');
  });

  it('German keeps every placeholder of the English message', () => {
    for (const [key, { message }] of Object.entries(en))
      expect(placeholders((de as Record<string, { message: string }>)[key]?.message ?? ''), key).toEqual(
        placeholders(message),
      );
  });

  it('plural forms come in pairs, one and other', () => {
    const keys = new Set(Object.keys(en));
    for (const key of keys) {
      const plural = /^(.*)_(one|other)$/.exec(key);
      if (plural) expect(keys.has(`${plural[1]}_${plural[2] === 'one' ? 'other' : 'one'}`), key).toBe(true);
    }
  });

  it('every key is used by the code or the manifest', () => {
    const code = [...filesUnder(path.join(ROOT, 'src'), /\.(ts|tsx)$/), path.join(ROOT, 'manifest.json')]
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    const unused = Object.keys(en).filter((key) => {
      const base = key.replace(/_(one|other)$/, '');
      return !code.includes(`'${base}'`) && !code.includes(`__MSG_${key}__`);
    });
    expect(unused).toEqual([]);
  });
});

// What may hold English in src/, and why.
const EXEMPT_FILES = [
  // The commands and code the extension copies: their comments are part of the code, like `set -e`.
  /^src\/snippets\//,
  // CSS.
  /^src\/content\/styles\.ts$/,
];
const EXEMPT_USES = [
  // For developers: the console and errors that never reach the UI (failures carry a kind instead).
  /console\.\w+\($/,
  /new Error\($/,
  // Class names.
  /class=\{?.*$/,
  // Chrome's offscreen API asks why the document exists, for its review; users never see it.
  /justification: $/,
];

describe('src/ holds no user-visible English', () => {
  it('outside messages.json, in code, JSX and HTML', () => {
    const prose = filesUnder(path.join(ROOT, 'src'), /\.(ts|tsx)$/)
      .map((file) => path.relative(ROOT, file))
      .filter((file) => !EXEMPT_FILES.some((exempt) => exempt.test(file)))
      .flatMap((file) =>
        literalsIn(readFileSync(path.join(ROOT, file), 'utf8'))
          .filter((literal) => looksLikeProse(literal.text))
          .filter((literal) => !EXEMPT_USES.some((use) => use.test(literal.before)))
          .map((literal) => `${file}:${literal.line} ${literal.text}`),
      );
    expect(prose).toEqual([]);
    const html = filesUnder(path.join(ROOT, 'src'), /\.html$/).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/>([^<]+)</g)]
        .map((match) => (match[1] ?? '').trim())
        .filter((text) => text && text !== 'XNAT Token Tools'),
    );
    expect(html).toEqual([]);
  });

  it('the scan finds JSX text, attributes, quotes and templates, and skips comments and regexes', () => {
    const found = literalsIn(
      [
        '// a comment with many words',
        'const re = /it is not prose/g;',
        "const a = 'Single quoted words';",
        'const b = <p title="Attribute words here">Visible text here</p>;',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: source text to scan, holding a template
        'const c = `Template words ${x} more words`;',
      ].join('\n'),
    )
      .filter((literal) => looksLikeProse(literal.text))
      .map((literal) => [literal.line, literal.text]);
    expect(found).toEqual([
      [3, 'Single quoted words'],
      [4, 'Attribute words here'],
      [4, 'Visible text here'],
      [5, 'Template words … more words'],
    ]);
  });
});
