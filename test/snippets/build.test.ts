// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatWords } from '../../src/i18n/formats';
import { buildSnippet } from '../../src/snippets/build';
import { isSnippetFormat, SNIPPET_FORMATS } from '../../src/snippets/format-names';
import { seeded } from '../fakes/property';
import { t } from '../fakes/strings';
import { request } from './arbitraries';

const ALIAS = '61e4f5db-33e0-4f06-86e7-a59217d65f5c';
const SECRET = 'ogHnbC7559jczcWz0Y1jDhHlUpy4AxI8EW6EjYAdArItPGf7FLXJP1OYam68MNQa';
const server = { origin: 'https://xnat.example.org', contextPath: '/xnat' };
const CREATED = Date.UTC(2026, 11, 4);
const good = { server, alias: ALIAS, secret: SECRET, created: CREATED, expiry: CREATED + 2 * 86_400_000 };

describe('the curl one-shot', () => {
  it('reads as XNAT documents it, with the default request path', () => {
    expect(buildSnippet('curl', good)).toEqual({
      ok: true,
      value: {
        format: 'curl',
        text: ` curl -u '${ALIAS}:${SECRET}' 'https://xnat.example.org/xnat/data/projects?format=csv'`,
      },
    });
  });

  it('uses the request path it is given', () => {
    const built = buildSnippet('curl', { ...good, requestPath: "/data/experiments?project=O'Brien" });
    expect(built.ok && built.value.text).toBe(
      ` curl -u '${ALIAS}:${SECRET}' 'https://xnat.example.org/xnat/data/experiments?project=O'\\''Brien'`,
    );
  });
});

describe('every format', () => {
  it.each(SNIPPET_FORMATS)(
    '%s has a label, a one-line hint and a confirmation naming the token',
    (format) => {
      const built = buildSnippet(format, good);
      if (!built.ok) throw new Error(built.failure.kind);
      const { label, hint, copied } = formatWords(format, t);
      expect(label).not.toBe('');
      expect(hint).not.toMatch(/\n/);
      expect(copied('nightly-sync')).toMatch(/^Copied .*nightly-sync.*: .+\.$/);
      if (format === 'alias') expect(built.value.text).toBe(ALIAS);
      else if (format === 'secret') expect(built.value.text).toBe(SECRET);
      else expect(built.value.text).toContain('https://xnat.example.org/xnat');
    },
  );

  it('knows its own names', () => {
    expect(SNIPPET_FORMATS.every(isSnippetFormat)).toBe(true);
    expect(isSnippetFormat('bash; rm')).toBe(false);
  });
});

describe('refusals: a typed error and no text', () => {
  it.each([
    ['an alias that is not a UUID', { alias: 'alice' }, 'bad-alias'],
    ['a secret with a quote', { secret: "abc'def" }, 'bad-secret'],
    ['a secret with a space', { secret: 'abc def' }, 'bad-secret'],
    ['a server with credentials', { server: { origin: 'https://u:p@h.org', contextPath: '' } }, 'bad-server'],
    ['a javascript: server', { server: { origin: 'javascript:alert(1)', contextPath: '' } }, 'bad-server'],
    [
      'a context path with a quote',
      { server: { origin: 'https://h.org', contextPath: "/x'y" } },
      'bad-server',
    ],
    ['a request path with a space', { requestPath: '/data/projects; rm -rf ~' }, 'bad-request-path'],
    ['a request path with a backtick', { requestPath: '/data/`id`' }, 'bad-request-path'],
    ['a request path that is a full URL', { requestPath: 'https://evil.example/' }, 'bad-request-path'],
    ['a request path with a newline', { requestPath: '/data\n/projects' }, 'bad-request-path'],
    ['a broken percent escape', { requestPath: '/data/%zz' }, 'bad-request-path'],
  ])('%s', (_, change, kind) => {
    for (const format of SNIPPET_FORMATS) {
      expect(buildSnippet(format, { ...good, ...change })).toEqual({
        ok: false,
        failure: { kind },
      });
    }
  });

  it('any arbitrary input is either accepted whole or refused without text', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SNIPPET_FORMATS),
        request,
        fc.record(
          { alias: fc.string(), secret: fc.string(), requestPath: fc.string() },
          { requiredKeys: [] },
        ),
        (format, valid, noise) => {
          const built = buildSnippet(format, { ...valid, ...noise });
          if (built.ok) {
            expect(built.value.text.length).toBeGreaterThan(0);
            expect(noise.alias ?? valid.alias).toMatch(/^[0-9a-f-]{36}$/i);
            expect(noise.secret ?? valid.secret).toMatch(/^[A-Za-z0-9]{1,128}$/);
          } else {
            expect(Object.keys(built)).toEqual(['ok', 'failure']);
          }
        },
      ),
      seeded(),
    );
  });
});
