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

describe('places, labels and roles around names (round 5)', () => {
  it('reads a given name before a street word as the street', () => {
    expect(found('Then we went to Kenyatta Avenue for lunch.')).toEqual([]);
    expect(found('Call Doris Day today.')).toEqual(['Doris']);
  });

  it('takes a hyphenated label and a city in its own language as no name', () => {
    expect(found('SV-Nummer: 4723020791')).toEqual([]);
    expect(found('Patient Florian Gruber, Wien.')).toEqual(['Florian Gruber']);
  });

  it('reads a Chinese name after a role when it starts with a family name', () => {
    expect(found('车牌号 京A·12345，司机李明。')).toEqual(['李明']);
    expect(found('司机说明天到')).toEqual([]);
  });
});

describe('roles and honorifics of more languages (round 5)', () => {
  it('reads a name after a German, Polish, Turkish or Greek role word, without the role', () => {
    expect(found('Kontrollschild BE 123 456, Halter Urs Frei.')).toEqual(['Urs Frei']);
    expect(found('Autokennzeichen ZH 481 223, Halterin Nadia Keller.')).toEqual(['Nadia Keller']);
  });

  it('reads the Greek honorifics written in lower case', () => {
    expect(found('Σας ευχαριστούμε, κ. Παπαδόπουλε· ο ΑΦΜ καταχωρήθηκε.')).toEqual(['κ. Παπαδόπουλε']);
    expect(found('Ευχαριστώ κα Νικολάου.')).toEqual(['κα Νικολάου']);
  });

  it('takes lower-case given names after a verb that takes a person or before what people do (round 7)', () => {
    expect(found("ask rahul if it shipped; yuki said no; dimitri and alexei are out; ravi's pi")).toEqual([
      'rahul',
      'yuki',
      'dimitri',
      'alexei',
      'ravi',
    ]);
    expect(found('quick note — lindiwe wants her account closed')).toEqual(['lindiwe']);
    expect(found('LOST CAT — ginger tom called Biscuit, last seen')).not.toContain('tom');
    expect(found('the cat and the dog said nothing')).toEqual([]);
  });

  it('takes a name after an honorific written in lower case (round 7)', () => {
    expect(found('Hallo mevrouw Bakker, merci madame Girard')).toEqual(['mevrouw Bakker', 'madame Girard']);
    // (Round 18: Dutch `heer`, Romanian `dl.` and `dna.`.)
    expect(found('Beste heer Jansen, factuur F-2024-0388 staat open')).toEqual(['heer Jansen']);
    expect(found('Bună ziua, dl. Popescu, CNP-ul nu corespunde')).toEqual(['dl. Popescu']);
  });

  it('extends a name over an Arabic article joined by a hyphen (round 7)', () => {
    expect(found('My colleague Fatima al-Zahra Haddad will take over')).toEqual(['Fatima al-Zahra Haddad']);
  });
});
