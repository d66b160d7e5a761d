import { describe, expect, it } from 'vitest';
import { detectPersons } from './person.js';
import { loadNameLexicon } from './name-lexicon.js';

const lexicon = await loadNameLexicon([]);
const found = (text: string) => detectPersons(text, lexicon).map((span) => text.slice(span.start, span.end));

describe('names with case endings', () => {
  it('reads Slavic, Baltic and Finnic names in other cases', () => {
    expect(found('Передайте, пожалуйста, документы Ивановой, её телефон у меня.')).toEqual(['Ивановой']);
    expect(found('Rozmawiałem z Kowalskim – przelew ma iść jutro.')).toEqual(['Kowalskim']);
    expect(found('Dzwoniła w sprawie syna Kacpra, prosi o kontakt.')).toEqual(['Kacpra']);
    expect(found('Soitin Mäkiselle eilen, hän ei vielä saanut laskua.')).toEqual(['Mäkiselle']);
    expect(found('Reikia išsiųsti sutartį Jonui Petrauskui rytoj.')).toEqual(['Jonui Petrauskui']);
  });

  it('reads a Greek name in the vocative and a Nordic genitive', () => {
    expect(found('Γεια σου Δημήτρη, στείλε το τιμολόγιο.')).toEqual(['Δημήτρη']);
    expect(found('Magnus og Freja kommer, Frejas far henter kl. 17.')).toContain('Frejas');
  });

  it('takes no letter off a place or a brand to make a family name or a short name', () => {
    expect(found('A Singha beer, please; the sign says Laut.')).toEqual([]);
    expect(found('Het pakket ligt bij het Paket-punt in Eldoret.')).toEqual([]);
  });
});
