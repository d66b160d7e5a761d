/**
 * One row of the national-ID tables (`national-id-europe.ts`, `national-id-world.ts`). National identity numbers, reported as `SSN` (the one identity-number type tokens have), one
 * row per country or format. A row with a `pattern` is distinctive enough to be found anywhere,
 * with its check digit where it has one; every row's `cues` are labels after which any plain
 * number of letters and digits is taken (`PESEL 87051412343`, `BSN 111222333`, `NRIC S1234567D`).
 */
export interface Row {
  country: string;
  /** Sticky; found anywhere when present. */
  pattern?: RegExp;
  /** A value of the pattern (checked by national-id.test.ts). */
  example?: string;
  /** The check digit or letter of the pattern. */
  valid?: (value: string) => boolean;
  /**
   * A plain run of digits that only its check tells apart from an order or a phone number: not
   * taken after a reference or phone word, nor after `+`.
   */
  plain?: boolean;
  /** Its country's label: the pattern is then taken only after it, earlier on the same line (and with its check). */
  near?: RegExp;
  /**
   * Words (same flags as `near`) that every match of `near` holds: looked for first in a whole text, since a
   * label with `\b` or a class under `iu` is tried at every character there and bare words are found far faster.
   */
  nearWords?: RegExp;
  /** Lower-case labels, as regular-expression source. */
  cues: string[];
}

/** A value ends where no word character or hyphen follows. */
export const END = String.raw`(?![\w-])`;

/** `row.near.test(text)` over a whole text, its bare words looked for first. */
export const nearLabelIn = (text: string, row: Row | undefined): boolean =>
  !!row?.near && (row.nearWords?.test(text) ?? true) && row.near.test(text);
