// What a store review reads, checked: the listings in both languages within each store's limits,
// every permission the manifests ask for justified, placeholders clearly marked, and the privacy
// policy shipped with the extension as the repository states it. Run after `npm run package`.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LISTING_LANGUAGES, listing, PERMISSION_WORDS } from '../../store/listing';
import { anchorOf } from '../../store/privacy-page';
import { DIST, manifestOf } from './bundle';

const root = path.resolve(import.meta.dirname, '../..');

describe('store listings', () => {
  it.each(LISTING_LANGUAGES)('%s: within the stores’ limits, with every field', (language) => {
    const l = listing(language);
    expect(l.name).toBe('XNAT Token Tools');
    expect(l.short.length).toBeLessThanOrEqual(132);
    expect(l.full.length).toBeGreaterThan(400);
    expect(l.full.length).toBeLessThanOrEqual(16_000);
    expect(l.singlePurpose.length).toBeLessThanOrEqual(1000);
    for (const field of [l.support, l.homepage]) expect(field).toMatch(/^\[[A-Z]+[ -]URL: .+\]$/);
    expect(existsSync(path.join(DIST, 'store', language, 'listing.md'))).toBe(true);
  });

  it('justifies every permission either manifest asks for, in both languages', () => {
    const asked = new Set<string>();
    for (const browser of ['chrome', 'firefox'] as const) {
      const m = manifestOf(browser) as { permissions: string[]; optional_permissions?: string[] };
      for (const p of [...m.permissions, ...(m.optional_permissions ?? [])]) asked.add(p);
    }
    expect([...asked].filter((p) => !(p in PERMISSION_WORDS))).toEqual([]);
    for (const language of LISTING_LANGUAGES)
      for (const why of Object.values(listing(language).permissions)) expect(why.length).toBeGreaterThan(40);
  });
});

describe('the privacy policy', () => {
  const markdown = readFileSync(path.join(root, 'PRIVACY.md'), 'utf8');
  const headings = [...markdown.matchAll(/^#{1,2} (.+)$/gm)].map((m) => m[1] ?? '');

  it('is in English and German', () => {
    expect(headings).toContain('Privacy policy: XNAT Token Tools');
    expect(headings).toContain('Datenschutzerklärung: XNAT Token Tools');
  });

  it.each(['chrome', 'firefox'])(
    'ships in the %s build as privacy.html, every heading there, no script',
    (browser) => {
      const page = readFileSync(path.join(DIST, browser, 'privacy.html'), 'utf8');
      for (const heading of headings) expect(page).toContain(`id="${anchorOf(heading)}"`);
      expect(page).not.toMatch(/<script/i);
    },
  );
});
