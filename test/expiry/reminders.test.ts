import { describe, expect, it } from 'vitest';
import { badgeWindowMinutes, dueReminder, inBadgeWindow, nextReminderAt } from '../../src/expiry/reminders';

const MIN = 60_000;
const LEADS = [1440, 60, 0];
const EXPIRY = Date.UTC(2026, 10, 29, 12, 0, 0);
const at = (minutesBefore: number) => EXPIRY - minutesBefore * MIN;

describe('which reminder is due', () => {
  it('each lead time fires once, in order', () => {
    const sent: number[] = [];
    const fired: (number | null)[] = [];
    for (const now of [at(2000), at(1440), at(1439), at(60), at(30), at(0), at(-10)]) {
      const decision = dueReminder(EXPIRY, LEADS, sent, now);
      fired.push(decision.notify);
      sent.push(...decision.markSent);
    }
    expect(fired).toEqual([null, 1440, null, 60, null, 0, null]);
  });

  it('after a sleep across several lead times: one catch-up, the most urgent', () => {
    expect(dueReminder(EXPIRY, LEADS, [], at(10))).toEqual({ notify: 60, markSent: [1440, 60] });
    expect(dueReminder(EXPIRY, LEADS, [1440], at(-5))).toEqual({ notify: 0, markSent: [60, 0] });
  });

  it('a token first seen 20 minutes before expiry gets the 1-hour reminder', () => {
    expect(dueReminder(EXPIRY, LEADS, null, at(20))).toEqual({ notify: 60, markSent: [1440, 60] });
  });

  it('a token first seen after it expired is recorded without a word', () => {
    expect(dueReminder(EXPIRY, LEADS, null, at(-5))).toEqual({ notify: null, markSent: [1440, 60, 0] });
  });

  it('a lead time added later can still fire', () => {
    expect(dueReminder(EXPIRY, [1440, 60, 0, 10], [1440, 60], at(5))).toEqual({ notify: 10, markSent: [10] });
  });
});

describe('when the next reminder falls due', () => {
  it('is the earliest lead time not yet sent', () => {
    expect(nextReminderAt(EXPIRY, LEADS, [])).toBe(at(1440));
    expect(nextReminderAt(EXPIRY, LEADS, [1440])).toBe(at(60));
    expect(nextReminderAt(EXPIRY, LEADS, [1440, 60, 0])).toBeNull();
    expect(nextReminderAt(EXPIRY, [], [])).toBeNull();
  });
});

describe('the badge window', () => {
  it('is the shortest lead time before expiry (1 hour by default)', () => {
    expect(badgeWindowMinutes(LEADS)).toBe(60);
    expect(badgeWindowMinutes([1440, 0])).toBe(1440);
    expect(badgeWindowMinutes([0])).toBe(60);
  });

  it('holds tokens about to expire and just expired, until XNAT’s sweep removes them', () => {
    expect(inBadgeWindow(EXPIRY, LEADS, at(61))).toBe(false);
    expect(inBadgeWindow(EXPIRY, LEADS, at(59))).toBe(true);
    expect(inBadgeWindow(EXPIRY, LEADS, at(-59))).toBe(true);
    expect(inBadgeWindow(EXPIRY, LEADS, at(-61))).toBe(false);
  });
});
