import type { Span } from '../types.js';
import { dateAround } from './dob.js';

/** Words of a death notice: in its lines a date range from a name is the person's life. */
const MOURNING =
  /\b(?:in (?:loving )?memory|memoriam|obituary|funeral|passed away|passed peacefully|died|rest in peace|RIP|condolences|beloved|reposing)\b|†|\b(?:in liebevoller erinnerung|nachruf|décès|obsèques|in memoria|necrológica|falleció)\b/i;
/** A year, then a dash: the first date of a range (`12 May 1958 – 30 March 2024`). */
const YEAR_BEFORE_DASH = /(?<!\d)(?:18|19|20)\d\d\s?[–—-]\s?/g;

/** `Tevita Fifita, 12 May 1958 – 30 March 2024` in a death notice: the first date of the life's range is the birth. */
export function lifespans(text: string): Span[] {
  const spans: Span[] = [];
  YEAR_BEFORE_DASH.lastIndex = 0;
  for (let m = YEAR_BEFORE_DASH.exec(text); m; m = YEAR_BEFORE_DASH.exec(text)) {
    const born = dateAround(text, m.index, 4);
    const second = /(?:18|19|20)\d\d(?!\d)/.exec(
      text.slice(m.index + m[0].length, m.index + m[0].length + 24),
    );
    if (!born || !second || born.end !== m.index + 4) continue;
    const diedAt = m.index + m[0].length + second.index;
    const died = dateAround(text, diedAt, 4);
    if (!died || died.start !== m.index + m[0].length) continue;
    const lineEnd = text.indexOf('\n', diedAt);
    const line = text.slice(text.lastIndexOf('\n', m.index) + 1, lineEnd < 0 ? text.length : lineEnd);
    if (Number(second[0]) - Number(text.slice(m.index, m.index + 4)) >= 10 && MOURNING.test(line))
      spans.push({ ...born, type: 'DOB' });
  }
  return spans;
}

/** How old a person named with a date must be for the date to be the birth: a grown person's records. */
const YEARS_BEFORE_NOW = 12;
const AFTER_NAME = /^(?:,\s|\s\()/;

/**
 * `Tariq Mahmood, 02/02/1985, of 55 Cheetham Hill Road`, `Ana Lima (14.03.1979)`: a whole date right after a
 * name, closed by a comma or a bracket, more than twelve years ago, is the person's date of birth.
 */
export function datesAfterNames(text: string, persons: readonly Span[]): Span[] {
  const spans: Span[] = [];
  const latest = new Date().getFullYear() - YEARS_BEFORE_NOW;
  for (const person of persons) {
    const after = text.slice(person.end, person.end + 40);
    const opener = AFTER_NAME.exec(after);
    if (!opener) continue;
    const year = /(?<!\d)(?:18|19|20)\d\d(?!\d)/.exec(after);
    if (!year || Number(year[0]) > latest) continue;
    const date = dateAround(text, person.end + year.index, 4);
    if (!date || date.start !== person.end + opener[0].length) continue;
    if (/^(?:,|\)|\s(?:of|from|in|aus|de|du|born)\b)/.test(text.slice(date.end, date.end + 6)))
      spans.push({ ...date, type: 'DOB' });
  }
  return spans;
}
