import { describe, expect, it } from 'vitest';
import { namesWithInitials } from './name-initials.js';

const names = (text: string) => namesWithInitials(text).map((span) => text.slice(span.start, span.end));

describe('Cyrillic surnames with initials (round 18)', () => {
  it('reads the surname with its two initials, before or after it', () => {
    expect(names('Исполнители: Иванов А. С., Гарипова Л.Р., Ким Д. В. — до пятницы')).toEqual([
      'Иванов А. С.',
      'Гарипова Л.Р.',
      'Ким Д. В.',
    ]);
    expect(names('Приказ подписал А. С. Иванов.')).toEqual(['А. С. Иванов']);
  });

  it('leaves a place named after someone, and abbreviations', () => {
    expect(names('Городская больница имени С. П. Боткина принимает по полисам ОМС')).toEqual([]);
    expect(names('см. п. 3.2 и т. д.')).toEqual([]);
  });
});
