// The only module that imports webextension-polyfill (ARCHITECTURE.md, Folders): everything else
// reaches browser APIs through src/platform/, so tests replace one module and layers stay honest.
import browser from 'webextension-polyfill';

export default browser;
export type { Runtime, Storage, Tabs } from 'webextension-polyfill';
