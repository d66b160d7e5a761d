import { describe, expect, it } from 'vitest';
import { loadNameLexicon } from './detectors/index.js';
import { verbatimNames, wholeWordAt } from './local-names.js';
import { findEntities } from './scrub.js';

const lexicon = await loadNameLexicon();
const TEXT = 'the quote went to Quorra yesterday; Anastasia in Lagos has the Support login.';

describe('the local model’s answer', () => {
  it('keeps only names that occur verbatim as whole words and are not ordinary words or places', () => {
    const answer = ['Quorra', 'quorra', 'Zorblat', 'Ana', 'Lagos', 'Support', 'the', '', ' Quorra ', 'x'];
    expect(verbatimNames(TEXT, answer, lexicon)).toEqual(['Quorra']);
  });

  it('finds whole words only', () => {
    expect(wholeWordAt(TEXT, 'Ana', 0)).toBe(-1);
    expect(wholeWordAt(TEXT, 'Anastasia', 0)).toBe(TEXT.indexOf('Anastasia'));
  });

  it('adds every occurrence as a person finding', () => {
    const text = 'Quorra called; tell Quorra that Quorrason is someone else.';
    const persons = findEntities(text, lexicon, undefined, ['Quorra']).filter(
      (span) => span.type === 'PERSON',
    );
    expect(persons.map((span) => text.slice(span.start, span.end))).toEqual(['Quorra', 'Quorra']);
  });
});
