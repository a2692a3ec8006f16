import browser from '../platform/browser';

document.documentElement.dataset.xnatTokenTools = browser.runtime.id;
