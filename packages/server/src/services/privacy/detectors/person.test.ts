import { describe, expect, it } from 'vitest';
import { detectPersons } from './person.js';
import { loadNameLexicon } from './name-lexicon.js';

const lexicon = await loadNameLexicon([]);
const found = (text: string) => detectPersons(text, lexicon).map((span) => text.slice(span.start, span.end));

describe('person names', () => {
  it('reads the Malay patronymic particles binti and bint inside a name', () => {
    expect(found('MyKad holder Nurul Aisyah binti Ahmad signed the form.')).toContain(
      'Nurul Aisyah binti Ahmad',
    );
  });

  it('takes Chad alone as the country and with a surname as a person', () => {
    expect(found('Jordan and Chad are on the shipping list of countries.')).toEqual([]);
    expect(found('Spoke with Chad Okafor today.')).toEqual(['Chad Okafor']);
  });
});
