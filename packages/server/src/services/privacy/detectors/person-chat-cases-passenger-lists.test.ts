import { describe, expect, it } from 'vitest';
import { mergeSpans } from '../spans.js';
import { detectPersons } from './person.js';
import { loadNameLexicon } from './name-lexicon.js';

const lexicon = await loadNameLexicon([]);
const found = (text: string) =>
  mergeSpans(detectPersons(text, lexicon)).map((span) => text.slice(span.start, span.end));

describe('chat in lower case (round 11)', () => {
  it('reads names after by, did, lol and as a speaker after a question, and before ur, saved, you left', () => {
    expect(found('the key was committed by dave in the last push')).toEqual(['dave']);
    expect(found('lol jess you left your password on the fridge')).toEqual(['jess']);
    expect(found('kev ur late again. shaz saved u a seat')).toEqual(['kev', 'shaz']);
    expect(found('lina: did yusuf send the keys? amira: yeah')).toEqual(['lina', 'yusuf', 'amira']);
  });
});

describe('greetings, diminutives and case endings of more languages (round 11)', () => {
  it('reads Russian diminutives, Ukrainian vocatives and datives, Azerbaijani genitives', () => {
    expect(found('Привет, Дима! Скинь номер.')).toEqual(['Дима']);
    expect(found('Привіт, Оксано! Це той, що ти давала Тарасові.')).toEqual(['Оксано', 'Тарасові']);
    expect(found('Salam Leyla, Rəşadın nömrəsi var.')).toEqual(['Leyla', 'Rəşadın']);
  });

  it('reads a name after a greeting in Georgian, Armenian and Luxembourgish', () => {
    expect(found('გამარჯობა ნინო, ხვალ დაგირეკავს.')).toEqual(['ნინო']);
    expect(found('Բարև Անի, պայմանագիրը ուղարկել եմ։')).toEqual(['Անի']);
    expect(found('Moien Jemp, de Loyer ass bezuelt, merci!')).toEqual(['Jemp']);
  });
});

describe('more places a name stands (round 11)', () => {
  it('reads a name after Romanian lui, a Japanese name on a card, a possessive before a photo album', () => {
    expect(found('CNP-ul lui Ion Popescu este verificat.')).toEqual(['Ion Popescu']);
    expect(found('JCB カード 名義 スズキ ハナコ、有効期限 04/28。')).toEqual(['スズキ ハナコ']);
    expect(found("Sayuri's photo album is shared.")).toEqual(['Sayuri']);
  });
});

describe('field names and word-names (round 11)', () => {
  it('reads no field name of a form as a name, and Jade as a given name', () => {
    expect(found('Formulario — Nombre: Juan Carlos Mamani Condori | CI')).toEqual([
      'Juan Carlos Mamani Condori',
    ]);
    expect(found('Approver: none yet')).toEqual([]);
    expect(found('Amber and Jade Whitlock will run the stall.')).toContain('Jade Whitlock');
  });
});

describe('given names that are places (round 11)', () => {
  it('reads one before a verb only a person does or before a family name, and the place otherwise', () => {
    expect(found('Paris booked the flights to Paris.')).toEqual(['Paris']);
    expect(found('Kenya Howard is relocating to Kenya.')).toEqual(['Kenya Howard']);
    expect(found('Paris was lovely; National ID (Kenya): on file.')).toEqual([]);
  });
});

describe('passenger lists, mail headers, romanised and Han names side by side (round 11)', () => {
  it('reads airline passenger names before their title, not an abbreviation with a slash', () => {
    expect(found('pax: MENDOZA/CARLOS ALBERTO MR, MENDOZA/LUCIA MRS')).toEqual([
      'MENDOZA/CARLOS ALBERTO',
      'MENDOZA/LUCIA',
    ]);
    expect(found('TCP/IP and AC/DC MR')).toEqual([]);
  });

  it('reads the name before an address in angle brackets', () => {
    expect(found('From: Marcus Bell <marcus.bell@bellhomes.realty> Subject: offer')).toEqual(['Marcus Bell']);
  });

  it('reads a name in Han or kana right after its romanised form', () => {
    expect(found('Ms. Haruka Sato (佐藤はるか) asked for a late checkout')).toContain('佐藤はるか');
    expect(found('Contact (Wang Fang 王芳) at the Ningbo factory')).toEqual(['Wang Fang', '王芳']);
  });

  it('reads the late X, Fr. X and a chat speaker with a dotted login, and a weekday after a name as a date', () => {
    expect(found('the family of the late Ion Dumitrescu.')).toEqual(['Ion Dumitrescu']);
    expect(found('Mass: Fr. Youkhana Sunday 10am')).toEqual(['Fr. Youkhana']);
    expect(found('[07:41] yuki.tanabe: the deploy key is below')).toEqual(['yuki.tanabe']);
    expect(found('[07:42] frontdesk2: ok')).toEqual([]);
  });
});

describe('things that look like names (round 11)', () => {
  it('reads cars, tyres, airports, holidays, firms and birth verbs as no names', () => {
    expect(found('The Kia Seltos and a Perodua Myvi need Bridgestone Turanza tyres.')).toEqual([]);
    expect(found('Arrivée à Aéroport Léopold Sédar Senghor, puis Anadolu Tekstil.')).toEqual([]);
    expect(found('Nací el 3 de mayo; Easter Monday is off; Ammi says hi.')).toEqual([]);
  });

  it('still reads a Japanese family name that is also a carmaker', () => {
    expect(found('Suzuki Haruka will join the call.')).toContain('Suzuki Haruka');
  });
});

describe('a word-name as a speaker after a time stamp (round 11)', () => {
  it('reads it', () => {
    expect(found('00:00:12 Frank: Be frank with me, is it approved?')).toEqual(['Frank']);
  });
});

describe('lower-case names after told, asked and sign-offs (round 19)', () => {
  it('takes a given name after told, asked, xoxo and love', () => {
    expect(found("i told priya we'd cover her shift, rahul said fine")).toEqual(['priya', 'rahul']);
    expect(found('xoxo lena')).toEqual(['lena']);
    expect(found('i love pizza, love you')).toEqual([]);
  });
});
