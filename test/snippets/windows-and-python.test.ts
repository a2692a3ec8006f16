// @vitest-environment node
// PowerShell and cmd quoting checked by their rules (no Windows here); Python parsed by python3.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSnippet } from '../../src/snippets/build';
import type { SnippetFormat } from '../../src/snippets/format-names';
import type { SnippetRequest } from '../../src/snippets/input';
import { cmdQuote, powershellQuote } from '../../src/snippets/quote';
import { baseUrl } from '../../src/xnat/server-identity';
import { seeded } from '../fakes/property';
import { request } from './arbitraries';

const run = promisify(execFile);
const PS_QUOTES = "'\u2018\u2019\u201A\u201B";

function textOf(format: SnippetFormat, r: SnippetRequest): string {
  const built = buildSnippet(format, r);
  if (!built.ok) throw new Error(built.failure.kind);
  return built.value.text;
}

/** PowerShell's verbatim string: quote, content with doubled quote characters, quote. */
function readPsSingleQuoted(text: string, start: number): { value: string; end: number } {
  let value = '';
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i] as string;
    if (PS_QUOTES.includes(c)) {
      const next = text[i + 1];
      if (next !== undefined && PS_QUOTES.includes(next)) {
        value += c;
        i++;
      } else return { value, end: i + 1 };
    } else value += c;
  }
  throw new Error('unterminated string');
}

/** Every verbatim string in a PowerShell script, and the script with each one emptied. */
function psLiterals(script: string): { literals: string[]; skeleton: string } {
  const literals: string[] = [];
  let skeleton = '';
  for (let i = 0; i < script.length; ) {
    if (PS_QUOTES.includes(script[i] as string)) {
      const { value, end } = readPsSingleQuoted(script, i);
      literals.push(value);
      skeleton += "''";
      i = end;
    } else skeleton += script[i++];
  }
  return { literals, skeleton };
}

describe('PowerShell', () => {
  it('verbatim strings read back as the value, typographic quotes included', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '$', '`', '"', ...PS_QUOTES) }), (value) => {
        const quoted = powershellQuote(value);
        expect(readPsSingleQuoted(quoted, 0)).toEqual({ value, end: quoted.length });
      }),
      seeded(),
    );
  });

  it('user data only ever stands inside verbatim strings', () => {
    const skeletons = new Set<string>();
    fc.assert(
      fc.property(request, (r) => {
        const { literals, skeleton } = psLiterals(textOf('powershell', r));
        expect(literals).toEqual(
          expect.arrayContaining([baseUrl(r.server), `${r.alias}:${r.secret}`, r.requestPath]),
        );
        skeletons.add(skeleton);
      }),
      seeded(),
    );
    expect(skeletons.size).toBe(1);
  });

  it('never uses the curl alias (Invoke-WebRequest in Windows PowerShell)', () => {
    const text = textOf('powershell', fc.sample(request, 1)[0] as SnippetRequest);
    expect(text).not.toMatch(/(^|\s)curl\s/);
  });
});

/** cmd.exe's first pass: metacharacters outside quotes, expansions inside; then the C runtime's argv. */
function cmdArgv(line: string): string[] {
  let inQuotes = false;
  const argv: string[] = [];
  let current = '';
  let started = false;
  for (const c of line) {
    if (c === '"') {
      inQuotes = !inQuotes;
      started = true;
      continue;
    }
    if (!inQuotes && '&|<>()^'.includes(c)) throw new Error(`unquoted ${c}`);
    if ('%!'.includes(c)) throw new Error(`expandable ${c}`);
    if (!inQuotes && c === ' ') {
      if (started) argv.push(current);
      current = '';
      started = false;
    } else {
      current += c;
      started = true;
    }
  }
  if (inQuotes) throw new Error('unbalanced quotes');
  if (started) argv.push(current);
  return argv;
}

describe('cmd', () => {
  it('curl.exe gets exactly the intended arguments, every metacharacter inside quotes', () => {
    fc.assert(
      fc.property(request, (r) => {
        const built = buildSnippet('cmd', r);
        if (r.requestPath.includes('%') || r.requestPath.includes('!')) {
          expect(built).toEqual({ ok: false, failure: expect.objectContaining({ kind: 'not-quotable' }) });
          return;
        }
        if (!built.ok) throw new Error(built.failure.kind);
        expect(cmdArgv(built.value.text)).toEqual([
          'curl.exe',
          '-u',
          `${r.alias}:${r.secret}`,
          baseUrl(r.server) + r.requestPath,
        ]);
      }),
      seeded(),
    );
  });

  it('refuses what cmd cannot quote', () => {
    for (const value of ['a"b', '50%', 'x!y', 'line\nbreak', 'trailing\\'])
      expect(cmdQuote(value)).toBeNull();
  });
});

describe('Python', () => {
  it('xnatpy and pyxnat snippets are valid Python holding exactly the token and server', async () => {
    const inputs = fc.sample(request, { numRuns: 40, seed: 7 });
    const programs = inputs.flatMap((r) => [textOf('xnatpy', r), textOf('pyxnat', r)]);
    const script = [
      'import ast, json, sys',
      'out = []',
      'for src in json.load(sys.stdin):',
      '    tree = ast.parse(src)',
      '    out.append(sorted({n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)}))',
      'print(json.dumps(out))',
    ].join('\n');
    const child = run('python3', ['-c', script]);
    child.child.stdin?.end(JSON.stringify(programs));
    const constants: string[][] = JSON.parse((await child).stdout);
    inputs.forEach((r, i) => {
      const expected = [baseUrl(r.server), r.alias, r.secret, r.requestPath].sort();
      expect(constants[2 * i]).toEqual(expected);
      expect(constants[2 * i + 1]).toEqual(expected);
    });
  });
});
