// Alarms survive the worker stopping (not always a browser restart: they are re-created at start-up).
import browser from './browser';

export const alarms = {
  async create(name: string, whenMs: number): Promise<void> {
    await browser.alarms.create(name, { when: whenMs });
  },
  async clear(name: string): Promise<void> {
    await browser.alarms.clear(name);
  },
  onAlarm(listener: (name: string) => void): void {
    browser.alarms.onAlarm.addListener((alarm) => listener(alarm.name));
  },
};
