// What differs between the XNAT versions the simulated server can play, from XNAT's source
// (NrgXnat/xnat: AliasTokenRestlet.java, userProfile.js, XnatSessionEventPublisher; container-service).

export type VersionMode = '1.9' | '1.8' | '1.8.0' | '1.7' | '1.7.4' | '1.7.0';
export const VERSION_MODES: readonly VersionMode[] = ['1.9', '1.8', '1.8.0', '1.7', '1.7.4', '1.7.0'];

/** How XNAT writes its readable SESSION_EXPIRATION_TIME cookie. */
export type SessionCookieVariant = 'standard' | 'secure' | 'epoch';

export interface VersionTraits {
  /** What /xapi/siteConfig/buildInfo reports. */
  build: { version: string; buildNumber: string; sha: string };
  /** 1.8.0 labelled JSON as JSON; before, as text. */
  jsonContentType: boolean;
  /** GET /xapi/users/username (1.8.0+); 1.7 reads "username" as a user name. */
  usernameApi: boolean;
  /** tokens/show and the Manage Alias Tokens tab and page (1.7.5+). */
  tokenList: boolean;
  /** 1.7.0's issue returns no id and writes dates as yyyyMMdd_HHmmss. */
  legacyTokenJson: boolean;
  /** siteConfig/siteId is open only from 1.8.4. */
  siteIdNeedsLogin: boolean;
  /** 1.8.0 marked the cookie Secure (fixed in 1.8.0.1); an unreleased 1.9 change writes one epoch value. */
  sessionCookie: SessionCookieVariant;
  /** Its path is the context path with a slash since 1.7.4; before, `/`. */
  cookiePathWithContext: boolean;
}

export const VERSIONS: Record<VersionMode, VersionTraits> = {
  '1.9': {
    build: { version: '1.9.0-SNAPSHOT', buildNumber: '9102', sha: 'c0ffee1' },
    jsonContentType: true,
    usernameApi: true,
    tokenList: true,
    legacyTokenJson: false,
    siteIdNeedsLogin: false,
    sessionCookie: 'epoch',
    cookiePathWithContext: true,
  },
  '1.8': {
    build: { version: '1.8.11', buildNumber: '8955', sha: '4d1c2e7' },
    jsonContentType: true,
    usernameApi: true,
    tokenList: true,
    legacyTokenJson: false,
    siteIdNeedsLogin: false,
    sessionCookie: 'standard',
    cookiePathWithContext: true,
  },
  '1.8.0': {
    build: { version: '1.8.0', buildNumber: '7203', sha: '5e6f7a8' },
    jsonContentType: true,
    usernameApi: true,
    tokenList: true,
    legacyTokenJson: false,
    siteIdNeedsLogin: true,
    sessionCookie: 'secure',
    cookiePathWithContext: true,
  },
  '1.7': {
    build: { version: '1.7.6', buildNumber: '1637', sha: '9a0b3f1' },
    jsonContentType: false,
    usernameApi: false,
    tokenList: true,
    legacyTokenJson: false,
    siteIdNeedsLogin: true,
    sessionCookie: 'standard',
    cookiePathWithContext: true,
  },
  '1.7.4': {
    build: { version: '1.7.4', buildNumber: '1588', sha: '1c2d3e4' },
    jsonContentType: false,
    usernameApi: false,
    tokenList: false,
    legacyTokenJson: false,
    siteIdNeedsLogin: true,
    sessionCookie: 'standard',
    cookiePathWithContext: true,
  },
  '1.7.0': {
    build: { version: '1.7.0', buildNumber: '1401', sha: '2be4a90' },
    jsonContentType: false,
    usernameApi: false,
    tokenList: false,
    legacyTokenJson: true,
    siteIdNeedsLogin: true,
    sessionCookie: 'standard',
    cookiePathWithContext: false,
  },
};

export function isVersionMode(value: unknown): value is VersionMode {
  return typeof value === 'string' && (VERSION_MODES as readonly string[]).includes(value);
}
