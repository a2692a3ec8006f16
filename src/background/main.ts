import contentScriptPath from '../content/main.ts?iife';
import browser from '../platform/browser';

console.info('content script at', contentScriptPath, browser.runtime.id);
