// Every key the background keeps in storage.session: short-lived bookkeeping that must survive a
// worker restart but not the browser, and never a secret (ARCHITECTURE.md, "What is stored").
export const SESSION_KEYS = {
  /** The hosts the user asked to add, until the permission prompt is answered. */
  grantIntents: 'grant-intents',
  /** Tabs the extension opened to show XNAT's token tab. */
  tokenTabIntents: 'token-tab-intents',
  /** The SHA-256 fingerprint of the last command written to the clipboard, for auto-clear. */
  clipboardWritten: 'clipboard-written',
} as const;

/** What the server's container service said, for five minutes (null: it has none). */
export const containersKey = (serverId: string) => `containers:${serverId}`;

/** A create in progress on a server, so a worker stopped mid-create adopts XNAT's token, not a second. */
export const creatingKey = (serverId: string) => `creating:${serverId}`;
