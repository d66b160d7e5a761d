import { describe, expect, it } from 'vitest';
import { mergeSpans } from '../spans.js';
import { detectPersons } from './person.js';
import { loadNameLexicon } from './name-lexicon.js';

const lexicon = await loadNameLexicon([]);
const found = (text: string) =>
  mergeSpans(detectPersons(text, lexicon)).map((span) => text.slice(span.start, span.end));

describe('places, schools and feasts named after people (round 12)', () => {
  it('leaves a name after a street, school or airport word in lower case, and a feast day, alone', () => {
    expect(found('Ecole Jules Ferry, rue Victor Hugo: la rentrée est fixée au lundi 2 septembre.')).toEqual([]);
    expect(found('llega a la terminal del aeropuerto Arturo Merino Benítez a las 06:15.')).toEqual([]);
    expect(found('Szkoła Podstawowa im. Marii Konopnickiej: zebranie z rodzicami w czwartek.')).toEqual([]);
    expect(found('Mesa reservada para el Día de la Hispanidad, menú degustación 65 €.')).toEqual([]);
    expect(found('[18:00] Admin: Eid Mubarak everyone, the mosque opens at 7am.')).toEqual([]);
  });

  it('still reads the same names as persons elsewhere', () => {
    expect(found('I met Victor Hugo at the hotel.')).toEqual(['Victor Hugo']);
    expect(found('Dia Ferreira called about the invoice.')).toEqual(['Dia Ferreira']);
  });
});

describe('headings before a colon are no speakers (round 12)', () => {
  it('leaves a lone unknown word before a colon alone outside a dialogue', () => {
    expect(found('Nómina: a Lucía Fernández se le ingresará el sueldo.')).toEqual(['Lucía Fernández']);
    expect(found('Dierenarts: de kat van Sanne de Jong heeft hechtingen.')).toEqual(['Sanne de Jong']);
  });

  it('reads it in a dialogue, after a time stamp, or before a turn that opens as speech', () => {
    expect(found('Daniyar: bro where is the parking pass? Aslan: in the car')).toEqual([
      'Daniyar',
      'Aslan',
    ]);
    expect(found('Taini: my new email is on the form.')).toEqual(['Taini']);
    expect(found('00:01:12 Dagmawi: running late, traffic on Bole Road.')).toEqual(['Dagmawi']);
  });
});
