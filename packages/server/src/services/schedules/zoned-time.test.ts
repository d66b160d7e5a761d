import { describe, expect, it } from 'vitest';
import { windowsOverlap, windowsStartingIn, zonedInstant } from './zoned-time.js';

const iso = (ms: number) => new Date(ms).toISOString();
const starts = (window: { start: string; end: string }, from: string, to: string, zone: string) =>
  windowsStartingIn(window, Date.parse(from), Date.parse(to), zone).map((found) => ({
    start: iso(found.start),
    end: iso(found.end),
  }));

describe('zoned wall-clock times', () => {
  it('finds the instant of a local time on either side of a daylight-saving change', () => {
    expect(iso(zonedInstant({ year: 2026, month: 3, day: 28 }, 8 * 60, 'Europe/Berlin'))).toBe(
      '2026-03-28T07:00:00.000Z',
    );
    // Summer time from 29 March 2026: 08:00 is UTC+2.
    expect(iso(zonedInstant({ year: 2026, month: 3, day: 29 }, 8 * 60, 'Europe/Berlin'))).toBe(
      '2026-03-29T06:00:00.000Z',
    );
    expect(iso(zonedInstant({ year: 2026, month: 7, day: 1 }, 23 * 60 + 30, 'America/New_York'))).toBe(
      '2026-07-02T03:30:00.000Z',
    );
    expect(iso(zonedInstant({ year: 2026, month: 12, day: 31 }, 0, 'UTC'))).toBe('2026-12-31T00:00:00.000Z');
  });

  it('lists the window starts in (from, to], a window past midnight ending the next day', () => {
    expect(
      starts({ start: '22:00', end: '06:00' }, '2026-12-05T12:00:00Z', '2026-12-07T12:00:00Z', 'UTC'),
    ).toEqual([
      { start: '2026-12-05T22:00:00.000Z', end: '2026-12-06T06:00:00.000Z' },
      { start: '2026-12-06T22:00:00.000Z', end: '2026-12-07T06:00:00.000Z' },
    ]);
    // `from` is exclusive and `to` inclusive, so consecutive ticks never run a start twice.
    expect(
      starts({ start: '08:00', end: '18:00' }, '2026-12-05T08:00:00Z', '2026-12-06T08:00:00Z', 'UTC'),
    ).toEqual([{ start: '2026-12-06T08:00:00.000Z', end: '2026-12-06T18:00:00.000Z' }]);
    expect(
      starts({ start: '08:00', end: '18:00' }, '2026-12-05T09:00:00Z', '2026-12-05T10:00:00Z', 'UTC'),
    ).toEqual([]);
    // Tokyo's 08:00 is the previous UTC day's 23:00.
    expect(
      starts({ start: '08:00', end: '09:00' }, '2026-12-05T20:00:00Z', '2026-12-06T02:00:00Z', 'Asia/Tokyo'),
    ).toEqual([{ start: '2026-12-05T23:00:00.000Z', end: '2026-12-06T00:00:00.000Z' }]);
  });

  it('tells overlapping daily windows apart, past midnight included', () => {
    const day = { start: '08:00', end: '18:00' };
    const night = { start: '22:00', end: '06:00' };
    expect(windowsOverlap(day, { start: '17:59', end: '19:00' })).toBe(true);
    expect(windowsOverlap(day, { start: '18:00', end: '22:00' })).toBe(false);
    expect(windowsOverlap(day, night)).toBe(false);
    expect(windowsOverlap(night, { start: '05:00', end: '07:00' })).toBe(true);
    expect(windowsOverlap(night, { start: '23:00', end: '23:30' })).toBe(true);
    expect(windowsOverlap(night, { start: '21:00', end: '01:00' })).toBe(true);
    expect(windowsOverlap(night, { start: '06:00', end: '22:00' })).toBe(false);
  });
});
