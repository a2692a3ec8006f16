// The store listings, for the Chrome Web Store and addons.mozilla.org, in English and German: the
// name and short description from the extension's own messages.json, everything else from
// store/_locales, so each word lives once. Written to dist/store/<language>/listing.md by
// `npm run package`; test/release/store.test.ts checks them against each store's limits.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
export const LISTING_LANGUAGES = ['en', 'de'] as const;

/** Every permission the manifests can hold, with the words that justify it. */
export const PERMISSION_WORDS: Record<string, string> = {
  storage: 'storePermissionStorage',
  scripting: 'storePermissionScripting',
  activeTab: 'storePermissionActiveTab',
  alarms: 'storePermissionAlarms',
  notifications: 'storePermissionNotifications',
  clipboardWrite: 'storePermissionClipboardWrite',
  offscreen: 'storePermissionOffscreen',
  clipboardRead: 'storePermissionClipboardRead',
  'host access (optional)': 'storePermissionHosts',
};

export interface Listing {
  name: string;
  /** Chrome: at most 132 characters; addons.mozilla.org's summary: at most 250. */
  short: string;
  full: string;
  singlePurpose: string;
  permissions: Record<string, string>;
  category: string;
  support: string;
  homepage: string;
}

function words(dir: string, language: string): Record<string, string> {
  const raw = JSON.parse(readFileSync(path.join(root, dir, '_locales', language, 'messages.json'), 'utf8'));
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, (v as { message: string }).message]));
}

export function listing(language: string): Listing {
  const w = { ...words('public', language), ...words('store', language) };
  const say = (key: string) => {
    const text = w[key];
    if (text === undefined) throw new Error(`${language}: no words for ${key}`);
    return text;
  };
  return {
    name: say('extensionName'),
    short: say('extensionDescription'),
    full: say('storeFullDescription'),
    singlePurpose: say('storeSinglePurpose'),
    permissions: Object.fromEntries(Object.entries(PERMISSION_WORDS).map(([p, key]) => [p, say(key)])),
    category: say('storeCategory'),
    support: say('storeSupport'),
    homepage: say('storeHomepage'),
  };
}

function markdown(l: Listing): string {
  return [
    `# ${l.name}`,
    '',
    `## Short description (Chrome, at most 132 characters; addons.mozilla.org summary)`,
    '',
    l.short,
    '',
    '## Full description',
    '',
    l.full,
    '',
    '## Single purpose (Chrome)',
    '',
    l.singlePurpose,
    '',
    '## Permission justifications',
    '',
    ...Object.entries(l.permissions).map(([p, why]) => `- \`${p}\`: ${why}`),
    '',
    `## Category\n\n${l.category}`,
    '',
    `## Support\n\n${l.support}`,
    '',
    `## Homepage\n\n${l.homepage}`,
    '',
    '## Privacy policy\n\nPRIVACY.md (shipped in the extension as privacy.html).',
    '',
  ].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  for (const language of LISTING_LANGUAGES) {
    const dir = path.join(root, 'dist/store', language);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'listing.md'), markdown(listing(language)));
  }
  console.log('Store listings: dist/store/en/listing.md, dist/store/de/listing.md');
}
