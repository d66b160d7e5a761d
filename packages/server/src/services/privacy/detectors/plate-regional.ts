import type { Span } from '../types.js';

/** The text of the line before `at`, up to `reach` characters. */
function lineBefore(text: string, at: number, reach: number): string {
  const from = Math.max(text.lastIndexOf('\n', at - 1) + 1, at - reach);
  return text.slice(from, at);
}

/**
 * `SJK 4821 T`, `WA 1234 A`: Malaysia's letters, number and a trailing letter, with a ride or car word
 * shortly before (`Grab driver Ahmad Faiz in SJK 4821 T`).
 */
const MALAYSIAN = /(?<![\w-])[A-Z]{1,3} \d{1,4} [A-Z](?![\w-])/g;
const RIDE_CUE = /\b(?:grab|driver|rider|taxi|cab|uber|car|kereta|vehicle|plate|plat|pickup)\b/i;

/**
 * `777 ABA 02`: Kazakhstan's three digits, three letters and a two-digit region (01–20), with a plate or car
 * word earlier on the line (`plate`, Kazakh `көлігі`, Russian `машина`, `номер`).
 */
const KAZAKH = /(?<![\w-])\d{3} [A-Z]{2,3} (?:0[1-9]|1\d|20)(?![\w-])/g;
const KAZAKH_CUE = /plate|көлі[кг]|машин|автомобил|номер|\bcar\b|vehicle/iu;

/**
 * `Auto WA 71524`: the car word of Polish, German, Italian, Dutch, Spanish, Portuguese, Finnish, then a plate of two
 * or three letters and a group with digits, or Finland's letters, hyphen and digits (`Auto ABC-482`), or Slovakia's
 * district, hyphen, digits and letters (`Auto BA-482KL`).
 */
const AUTO =
  /\b[Aa]ut(?:o|a|em|ie)\s+([A-Z]{1,3} ?\d[\dA-Z]{3,4}|[A-Z]{2,3}-\d{2,3}|[A-Z]{2}-\d{3}[A-Z]{2})(?![\w-])/dg;

/** Plates of shapes too plain to take alone, taken with their country's vehicle words nearby. */
export function regionalPlates(text: string): Span[] {
  const spans: Span[] = [];
  for (const [pattern, cue, reach] of [
    [MALAYSIAN, RIDE_CUE, 48],
    [KAZAKH, KAZAKH_CUE, 80],
  ] as const) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      if (cue.test(lineBefore(text, m.index, reach))) {
        spans.push({ start: m.index, end: m.index + m[0].length, type: 'PLATE' });
      }
    }
  }
  AUTO.lastIndex = 0;
  for (let m = AUTO.exec(text); m; m = AUTO.exec(text)) {
    const range = m.indices?.[1];
    if (range) spans.push({ start: range[0], end: range[1], type: 'PLATE' });
  }
  return spans;
}
