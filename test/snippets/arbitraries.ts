// fast-check generators for everything a snippet accepts.
import fc from 'fast-check';
import type { SnippetRequest } from '../../src/snippets/input';

const segment = fc.stringMatching(/^[A-Za-z0-9._~-]{1,12}$/).filter((s) => s !== '.' && s !== '..');

export const server = fc
  .record({
    scheme: fc.constantFrom('http', 'https'),
    host: fc.oneof(fc.domain(), fc.ipV4()),
    port: fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }),
    segments: fc.array(segment, { maxLength: 3 }),
  })
  .map(({ scheme, host, port, segments }) => ({
    origin: new URL(`${scheme}://${host}${port ? `:${port}` : ''}`).origin,
    contextPath: segments.map((s) => `/${s}`).join(''),
  }));

const pathChars = fc.stringMatching(/^[A-Za-z0-9\-._~!$&'()*+,;=:@/?]{0,40}$/);
const percentEncoded = fc
  .integer({ min: 0, max: 255 })
  .map((n) => `%${n.toString(16).padStart(2, '0').toUpperCase()}`);

export const requestPath = fc
  .tuple(pathChars, fc.option(percentEncoded, { nil: '' }), pathChars)
  .map(([a, encoded, b]) => `/${a}${encoded}${b}`);

export const secret = fc.stringMatching(/^[A-Za-z0-9]{1,128}$/);

const DAY = 24 * 3600 * 1000;

export const request: fc.Arbitrary<Required<SnippetRequest>> = fc
  .record({
    server,
    alias: fc.uuid(),
    secret,
    requestPath,
    created: fc.integer({ min: Date.UTC(2018, 0, 1), max: Date.UTC(2030, 0, 1) }),
    lifetime: fc.integer({ min: DAY / 4, max: 60 * DAY }),
  })
  .map(({ lifetime, ...r }) => ({ ...r, expiry: r.created + lifetime }));
