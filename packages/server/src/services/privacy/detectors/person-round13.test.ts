import { describe, expect, it } from 'vitest';
import { mergeSpans } from '../spans.js';
import { detectPersons } from './person.js';
import { loadNameLexicon } from './name-lexicon.js';

const lexicon = await loadNameLexicon([]);
const found = (text: string) =>
  mergeSpans(detectPersons(text, lexicon)).map((span) => text.slice(span.start, span.end));

describe('names joined to a found name (round 13)', () => {
  it('reads an unknown word before `and` and a name, and a list before it', () => {
    expect(found('Tiihu and Ahanu signed the form.')).toEqual(['Tiihu', 'Ahanu']);
    expect(found('Ólafur, Þórunn and Dagný are on call over Christmas.')).toEqual([
      'Ólafur',
      'Þórunn',
      'Dagný',
    ]);
  });

  it('reads a name after `and` in other languages, whatever verb follows', () => {
    expect(found('Rūta ir Mindaugas atvyks penktadienį.')).toEqual(['Rūta', 'Mindaugas']);
    expect(found('Mwalimu Achieng alisema Otieno na Auma wamefaulu mtihani.')).toEqual([
      'Achieng',
      'Otieno',
      'Auma',
    ]);
  });

  it('does not join firms, greetings or weekdays to a name', () => {
    expect(found('Christmas hampers from Fortnum & Mason arrived.')).not.toContain('Fortnum');
    expect(found('Bună, Andreea! Mulțumesc.')).toEqual(['Andreea']);
    expect(found('I will be out Monday, Hannah is covering.')).toEqual(['Hannah']);
  });

  it('reads a lone word before a verb and his or her as a person', () => {
    expect(found('Olek got his visa, leaving on Sunday.')).toEqual(['Olek']);
    expect(found('Apple lost its case in court.')).toEqual([]);
  });
});
