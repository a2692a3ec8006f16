// @vitest-environment node
// ARCHITECTURE.md's "who may ask what" is derived from the request table, not kept beside it: the page
// script's row names exactly the requests the table gives the page, and the views' row covers the rest.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRequests, pageRequests } from '../../src/background/requests';
import type { RequestType } from '../../src/messaging/protocol';
import { fakeDeps } from '../fakes/fake-deps';

const doc = readFileSync(path.resolve(import.meta.dirname, '../../ARCHITECTURE.md'), 'utf8');
const row = (sender: string) => doc.split('\n').find((line) => line.startsWith(`| ${sender}`)) ?? '';
const named = (line: string) => [...line.matchAll(/`([a-z]+\.[A-Za-z*]+)`/g)].map((m) => m[1] ?? '');

describe('who may ask what', () => {
  const table = createRequests(fakeDeps(fetch));
  const all = Object.keys(table) as RequestType[];

  it('the page script’s row names exactly the page requests of the table', () => {
    expect(named(row('the page script')).sort()).toEqual(pageRequests(table).sort());
  });

  it('the views’ row covers every other request, and no page request', () => {
    const patterns = named(row("the extension's own pages")).map((p) => p.replace('.*', '.'));
    const views = all.filter((type) => table[type].from === 'view');
    expect(views.filter((type) => !patterns.some((p) => type.startsWith(p)))).toEqual([]);
    expect(pageRequests(table).filter((type) => patterns.some((p) => type.startsWith(p)))).toEqual([]);
  });
});
