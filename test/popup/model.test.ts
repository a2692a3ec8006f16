import { describe, expect, it } from 'vitest';
import { initialSections, tabOnKnownServer } from '../../src/popup/model';
import { shortAlias } from '../../src/xnat/names';
import { server, token } from './render';

const ROOT = server('ROOT', 'http://h.org');
const NESTED = server('NESTED', 'http://h.org/xnat');

describe('which server a tab shows', () => {
  it('picks the longest base URL the page lies under', () => {
    expect(
      tabOnKnownServer({ id: 1, url: 'http://h.org/xnat/app/template/Index.vm' }, [ROOT, NESTED]),
    ).toEqual({ kind: 'known', serverId: NESTED.id });
    expect(tabOnKnownServer({ id: 1, url: 'http://h.org/app/template/Index.vm' }, [NESTED, ROOT])).toEqual({
      kind: 'known',
      serverId: ROOT.id,
    });
  });

  it('does not take a prefix of a path segment for the server', () => {
    expect(tabOnKnownServer({ id: 1, url: 'http://h.org/xnatty/' }, [NESTED])).toEqual({ kind: 'unknown' });
  });

  it('calls browser pages and missing tabs not XNAT', () => {
    expect(tabOnKnownServer({ id: 1, url: 'chrome://extensions' }, [ROOT])).toEqual({ kind: 'not-xnat' });
    expect(tabOnKnownServer(null, [ROOT])).toEqual({ kind: 'not-xnat' });
  });
});

describe('sections', () => {
  it('start with the stored tokens, marked as cached, the current server first', () => {
    const sections = initialSections(
      [ROOT, NESTED],
      { kind: 'known', serverId: NESTED.id },
      { [ROOT.id]: { yours: [token(1, 60)], others: 4 } },
    );
    expect(sections.map((s) => [s.server.siteId, s.collapsed, s.cached, s.yours.length, s.others])).toEqual([
      ['NESTED', false, false, 0, 0],
      ['ROOT', true, true, 1, 4],
    ]);
  });

  it('shorten aliases to their ends', () => {
    expect(shortAlias('61e4f5db-33e0-4f06-86e7-a59217d65f5c')).toBe('61e4f5db…5f5c');
  });
});
