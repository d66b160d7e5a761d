import { describe, expect, it } from 'vitest';
import { detectPlates } from './plate.js';

const found = (text: string) => detectPlates(text).map((span) => text.slice(span.start, span.end));

describe('licence plates', () => {
  it('finds Russian plates in their Cyrillic letters', () => {
    expect(found('Автомобиль с номером А123ВС 77 заблокирован.')).toEqual(['А123ВС 77']);
    expect(found('Отдел А12 на третьем этаже')).toEqual([]);
  });

  it('reads a plate after Polish, Swedish and Turkish labels', () => {
    expect(found('Numer rejestracyjny WA 6812K, kierowca')).toEqual(['WA 6812K']);
    expect(found('Registreringsnummer ABC 123 i Solna')).toEqual(['ABC 123']);
    expect(found('Plaka 34 ABC 123')).toContain('34 ABC 123');
  });

  it('takes no plate-shaped code after a product cue', () => {
    expect(found('The model number is KX-TG7872.')).toEqual([]);
    expect(found('Halter des Wagens KX-TG 7872')).toEqual(['KX-TG 7872']);
  });
});
