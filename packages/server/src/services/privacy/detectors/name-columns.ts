import type { Span } from '../types.js';
import { alternation } from './util.js';

/**
 * Names in a pasted table's name column: a header row names its columns (`name,email,phone,dob`,
 * `member_id;nombre;apellidos;dni`, `"Ad Soyad","Telefon","E-posta"`), and each row under it holds a
 * person's name in the cells of the name columns. Rows end at a line break, or at a literal `\n` as
 * exports and logs escape it.
 */
/** One-word headers of a name column (`first`/`last` as exports shorten them). */
const NAME_HEADERS = new Set(
  `name names fullname full_name first_name firstname first last_name lastname last surname given_name family_name
contact contact_name customer customer_name client client_name patient guest member employee student parent recipient
cardholder passenger attendee participant nombre nombres apellido apellidos nome cognome nom prénom prenom vorname
nachname naam voornaam achternaam imię imie nazwisko ad soyad adı soyadı isim имя фамилия фио ім'я прізвище 姓名 名字
氏名 이름 성명 الاسم نام`.split(/\s+/),
);
/** Two-word headers (`Full Name`, `Ad Soyad`, `account holder`). */
const TWO_WORDS =
  '(?:full|first|given|last|family|contact|customer|client|patient|guest|member|employee|student|account|ad)[ _](?:name|holder|soyad)';
const TWO_WORD_HEADER = new RegExp(`^${TWO_WORDS}$`);
/** A header row: three cells or more, one delimiter throughout. */
const DELIMITERS = [',', ';', '\t', '|'];
/** A row: up to a line break or a literal `\\n`. */
const ROW = /(?:[^\n\\]|\\(?!n))*/y;
const MAX_ROWS = 500;
const QUOTES = /^["'“”]+|["'“”]+$/g;
const HAS_LETTER = /\p{L}/u;
/** What a name cell is not: an e-mail address, a number, a date, a code. */
const NOT_A_NAME = /@|\d|^(?:n\/a|none|null|-+)$/i;

const isNameHeader = (cell: string) => {
  const header = cell.replace(QUOTES, '').trim().toLowerCase();
  return NAME_HEADERS.has(header) || TWO_WORD_HEADER.test(header);
};

/** A header cell naming a name column, between delimiters: where a table with names may start. */
const HEADER_CELL = new RegExp(
  `(?:^|[,;\\t|])\\s*["'“]?(?:${TWO_WORDS}|${alternation([...NAME_HEADERS])})` + `["'”]?\\s*(?=[,;\\t|]|$)`,
  'gimu',
);

export function namesInColumns(text: string): Span[] {
  const spans: Span[] = [];
  let resumeAt = 0;
  HEADER_CELL.lastIndex = 0;
  for (let m = HEADER_CELL.exec(text); m; m = HEADER_CELL.exec(text)) {
    if (m.index < resumeAt) continue;
    const newline = text.lastIndexOf('\n', m.index);
    const escaped = text.lastIndexOf('\\n', m.index);
    const headerStart = Math.max(newline + 1, escaped < 0 ? 0 : escaped + 2);
    resumeAt = readTable(text, headerStart, spans);
    HEADER_CELL.lastIndex = Math.max(resumeAt, m.index + 1);
  }
  return spans;
}

/** The rows of the table whose header row starts at `at`; where the table ends. */
function readTable(text: string, at: number, spans: Span[]): number {
  const rows: { start: number; text: string }[] = [];
  ROW.lastIndex = at;
  for (let m = ROW.exec(text); m && rows.length < MAX_ROWS; m = ROW.exec(text)) {
    rows.push({ start: m.index, text: m[0] });
    if (ROW.lastIndex >= text.length) break;
    ROW.lastIndex += text[ROW.lastIndex] === '\n' ? 1 : 2;
  }
  const header = rows[0]?.text ?? '';
  const delimiter = DELIMITERS.find((d) => header.split(d).length >= 3 && header.split(d).some(isNameHeader));
  if (delimiter === undefined) return at + header.length;
  const cells = header.split(delimiter);
  const columns = cells.flatMap((cell, i) => (isNameHeader(cell) ? [i] : []));
  let end = at + header.length;
  for (const row of rows.slice(1)) {
    const values = row.text.split(delimiter);
    if (values.length !== cells.length) break;
    let offset = row.start;
    values.forEach((value, i) => {
      const name = value.replace(QUOTES, '').trim();
      if (columns.includes(i) && HAS_LETTER.test(name) && !NOT_A_NAME.test(name)) {
        const start = offset + value.indexOf(name);
        spans.push({ start, end: start + name.length, type: 'PERSON' });
      }
      offset += value.length + delimiter.length;
    });
    end = row.start + row.text.length;
  }
  return end;
}
