/**
 * Wall-clock times in a named time zone with nothing but `Intl`: the instant a local `HH:MM` falls on,
 * and the minute intervals a daily window covers.
 */

const DAY_MINUTES = 24 * 60;
const DAY_MS = DAY_MINUTES * 60_000;

/** The setting's zone, else the server's (TZ), else UTC. */
export function resolveTimeZone(setting: string): string {
  return setting || Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export function minutesOf(timeOfDay: string): number {
  const [hours, minutes] = timeOfDay.split(':').map(Number) as [number, number];
  return hours * 60 + minutes;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** The local calendar fields of an instant in the zone. */
function localFields(instant: number, timeZone: string) {
  const fields: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return fields as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number>;
}

/** How far the zone's wall clock is ahead of UTC at that instant. */
function offsetMs(instant: number, timeZone: string): number {
  const f = localFields(instant, timeZone);
  const wall = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant the zone's clock shows `minutes` past midnight on that local date. A time skipped by
 * a daylight-saving jump lands just after the jump; a repeated hour takes its first occurrence.
 */
export function zonedInstant(
  date: { year: number; month: number; day: number },
  minutes: number,
  timeZone: string,
): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day, 0, minutes);
  const first = wall - offsetMs(wall, timeZone);
  return wall - offsetMs(first, timeZone);
}

/** The local dates from the day before `from` to the day after `to` (windows may start the day before). */
function localDates(from: number, to: number, timeZone: string) {
  const start = localFields(from, timeZone);
  const dates: { year: number; month: number; day: number }[] = [];
  const first = Date.UTC(start.year, start.month - 1, start.day) - DAY_MS;
  const last = to + 2 * DAY_MS;
  for (let day = first; day <= last; day += DAY_MS) {
    const date = new Date(day);
    dates.push({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() });
  }
  return dates;
}

/** Every occurrence of a daily window that starts in (from, to], with its end, oldest first. */
export function windowsStartingIn(
  window: { start: string; end: string },
  from: number,
  to: number,
  timeZone: string,
): { start: number; end: number }[] {
  const startMinutes = minutesOf(window.start);
  const endMinutes = minutesOf(window.end);
  const wraps = endMinutes <= startMinutes;
  const found: { start: number; end: number }[] = [];
  for (const date of localDates(from, to, timeZone)) {
    const start = zonedInstant(date, startMinutes, timeZone);
    if (start <= from || start > to) continue;
    const endDate = wraps ? nextDate(date) : date;
    found.push({ start, end: zonedInstant(endDate, endMinutes, timeZone) });
  }
  return found;
}

function nextDate(date: { year: number; month: number; day: number }) {
  const next = new Date(Date.UTC(date.year, date.month - 1, date.day + 1));
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
}

/** The minute ranges [from, to) of the day a window covers; a window past midnight is two ranges. */
function dayRanges(window: { start: string; end: string }): [number, number][] {
  const start = minutesOf(window.start);
  const end = minutesOf(window.end);
  return end > start
    ? [[start, end]]
    : [
        [start, DAY_MINUTES],
        [0, end],
      ];
}

/** Whether two daily windows share a minute. */
export function windowsOverlap(
  a: { start: string; end: string },
  b: { start: string; end: string },
): boolean {
  return dayRanges(a).some(([aFrom, aTo]) => dayRanges(b).some(([bFrom, bTo]) => aFrom < bTo && bFrom < aTo));
}
