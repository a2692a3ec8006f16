import { describe, expect, it } from 'vitest';
import {
  countdownText,
  exactDate,
  msUntilTextChanges,
  nextTickMs,
  siteLifetime,
  timeLeftText,
  urgency,
} from '../../src/expiry/countdown';
import { t } from '../fakes/strings';

const S = 1000;
const MIN = 60 * S;
const H = 60 * MIN;
const D = 24 * H;
const NOW = 1_800_000_000_000;

describe('countdown text', () => {
  it.each([
    [D + 3 * H + 20 * MIN, 'expires in 1 d 3 h'],
    [2 * D, 'expires in 2 d'],
    [5 * H + 12 * MIN + 5 * S, 'expires in 5 h 12 min'],
    [H, 'expires in 1 h'],
    [42 * MIN + 59 * S, 'expires in 42 min'],
    [MIN, 'expires in 1 min'],
    [35 * S, 'expires in 35 s'],
    [1, 'expires in 1 s'],
    [0, 'expired; XNAT removes it within the hour'],
    [-H, 'expired; XNAT removes it within the hour'],
  ])('%i ms left reads "%s"', (left, text) => {
    expect(countdownText(NOW + left, NOW, t)).toBe(text);
  });

  it('shows at least 1 s while time is left', () => {
    expect(timeLeftText(400, t)).toBe('1 s');
  });
});

describe('urgency', () => {
  it.each([
    [2 * D, 'ok'],
    [D, 'soon'],
    [H + 1, 'soon'],
    [H, 'urgent'],
    [1, 'urgent'],
    [0, 'expired'],
  ])('%i ms left is %s', (left, level) => {
    expect(urgency(NOW + left, NOW)).toBe(level);
  });

  it('scales with the site’s token lifetime', () => {
    const sixHours = 6 * H;
    expect(urgency(NOW + 4 * H, NOW, sixHours)).toBe('ok');
    expect(urgency(NOW + 3 * H, NOW, sixHours)).toBe('soon');
    expect(urgency(NOW + 7 * 60_000, NOW, sixHours)).toBe('urgent');
    expect(urgency(NOW + 20 * D, NOW, 60 * D)).toBe('soon');
    expect(urgency(NOW + 31 * D, NOW, 60 * D)).toBe('ok');
  });
});

describe('a site’s token lifetime', () => {
  it('is the newest listed token’s, to the minute; none listed, unknown', () => {
    expect(
      siteLifetime([
        { created: NOW - 5 * D, expiry: NOW - 3 * D },
        { created: NOW - H, expiry: NOW - H + 30 * D + 1234 },
      ]),
    ).toBe(30 * D);
    expect(siteLifetime([])).toBeNull();
  });
});

describe('one timer for many countdowns', () => {
  it('wakes when the soonest text changes', () => {
    expect(msUntilTextChanges(NOW + 35 * S + 400, NOW)).toBe(401);
    expect(msUntilTextChanges(NOW + 42 * MIN + 10 * S, NOW)).toBe(10 * S + 1);
    expect(msUntilTextChanges(NOW + 2 * D + 5 * MIN, NOW)).toBe(5 * MIN + 1);
    expect(msUntilTextChanges(NOW - 1, NOW)).toBe(Number.POSITIVE_INFINITY);
    expect(nextTickMs([NOW + 2 * D + 5 * MIN, NOW + 42 * MIN + 10 * S], NOW)).toBe(10 * S + 1);
  });

  it('never spins faster than the floor, and sleeps when nothing will change', () => {
    expect(nextTickMs([NOW + 35 * S + 3], NOW)).toBe(250);
    expect(nextTickMs([NOW - H], NOW)).toBe(Number.POSITIVE_INFINITY);
    expect(nextTickMs([], NOW)).toBe(Number.POSITIVE_INFINITY);
  });

  it('ticks land on the change: after waiting, the text is different', () => {
    for (const left of [
      35 * S + 400,
      42 * MIN + 10 * S,
      5 * H + 7 * S,
      3 * D + 17 * MIN,
      60 * S,
      H,
      D,
      800,
    ]) {
      const wait = msUntilTextChanges(NOW + left, NOW);
      expect(countdownText(NOW + left, NOW + wait, t)).not.toBe(countdownText(NOW + left, NOW + wait - 1, t));
    }
  });
});

describe('dates shown', () => {
  it('never throw: a date no Date can hold prints as a dash', () => {
    expect(exactDate(1e300, 'en-US')).toBe('–');
    expect(exactDate(Number.NaN, 'de')).toBe('–');
    expect(exactDate(Date.UTC(2026, 11, 4, 12), 'en-US')).toMatch(/2026/);
    expect(countdownText(1e300, Date.now(), t)).toMatch(/^expires in \d/);
  });
});
