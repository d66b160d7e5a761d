import { describe, expect, it } from 'vitest';
import { mergeSpans } from '../spans.js';
import { NameEvidence } from './name-evidence.js';
import { detectFormNames } from './name-forms.js';
import { loadNameLexicon } from './name-lexicon.js';

const lexicon = await loadNameLexicon([]);
const found = (text: string) =>
  mergeSpans(detectFormNames(text, new NameEvidence(text, lexicon))).map((span) =>
    text.slice(span.start, span.end),
  );

describe('names as forms write them', () => {
  it('reads names in capitals, leaving the field names and short abbreviations out', () => {
    expect(found('APPLICANT SURNAME: FITZGERALD FORENAMES: SEAMUS PATRICK PPSN: 6382041C')).toEqual([
      'FITZGERALD',
      'SEAMUS PATRICK',
    ]);
    expect(
      found('PATIENT NAME: OKONJO-IWEALA ADAEZE  DOB: 1984-05-30  NEXT OF KIN: CHUKWUEMEKA OKONJO'),
    ).toEqual(['OKONJO-IWEALA ADAEZE', 'CHUKWUEMEKA OKONJO']);
    expect(found('JCB 3528-2682-2697-5407 / 名義 KOBAYASHI HARUTO / 有効期限 11/27')).toEqual([
      'KOBAYASHI HARUTO',
    ]);
  });

  it('leaves shouted sentences and abbreviations that are also short names alone', () => {
    expect(found('URGENT: PLEASE READ THE NEW POLICY BEFORE FRIDAY')).toEqual([]);
    expect(found('Top up the SIM with the NIK on file, RON 95 only.')).toEqual([]);
  });

  it('reads the family name first with a comma, up to the end of the field', () => {
    expect(found('Patient LEHMANN, Birgit, geb. 17.09.1963')).toEqual(['LEHMANN, Birgit']);
    expect(found('Mobile — Hughes, Bronwen | Practice Manager | 214')).toEqual(['Hughes, Bronwen']);
    expect(found('Patient: HOLLOWAY, Jeremy DOB: 03-Nov-1958')).toEqual(['HOLLOWAY, Jeremy']);
  });

  it('does not read a word and a comma before a given name as a family name', () => {
    expect(found('Thanks, Birgit, see you Monday.')).toEqual([]);
    expect(found('We flew in from Berlin, Jeremy drove.')).toEqual([]);
  });
});

describe('names in a scanned form (round 20)', () => {
  it("reads any name after a name's label, two spaces between its names, up to the next field", () => {
    expect(found('NAME: ADEBAYO  OLUWASEUN   DOB: 12 / 03 / 1986')).toEqual(['ADEBAYO  OLUWASEUN']);
    expect(found('Surname: MUTASA  First names: TAPIWA  GRACE  ID No: 63')).toEqual([
      'MUTASA',
      'TAPIWA  GRACE',
    ]);
    expect(found('SURNAME: MUTASA  FORENAMES: TAPIWA')).toEqual(['MUTASA', 'TAPIWA']);
    expect(found('STATUS: PENDING  REVIEW')).toEqual([]);
  });
});

describe('names spelled out with spaces (after round 20)', () => {
  it('reads the letters after a request to spell or beside the name, not a row of grades', () => {
    expect(found('Agent: Can you spell your first name? Caller: S I O B H A N, no accent on it.')).toEqual([
      'S I O B H A N',
    ]);
    expect(found('my name is Chanthavong, spelled C H A N T H A V O N G, first name')).toContain(
      'C H A N T H A V O N G',
    );
    expect(found('Grade A B C D in the exam')).toEqual([]);
    expect(found('O-K-O-N-K-W-O is right, spelling of the name')).toEqual(['O-K-O-N-K-W-O']);
  });
});
