import { describe, expect, it } from 'vitest';
import { detectPlates } from './plate.js';

const found = (text: string) => detectPlates(text).map((span) => text.slice(span.start, span.end));

describe('plates after patente (Chile, Argentina)', () => {
  it('reads the Chilean and Argentine shapes', () => {
    expect(found('RUT 15.141.251-3 — patente PHKT 42 — cambio de pastillas')).toEqual(['PHKT 42']);
    expect(found('patente: BB·1234')).toEqual(['BB·1234']);
    expect(found('la patente del auto AB 123 CD está vencida')).toEqual(['AB 123 CD']);
    expect(found('patente ABC 123')).toEqual(['ABC 123']);
  });

  it('leaves a patent number alone', () => {
    expect(found('la patente EP1234567 fue concedida')).toEqual([]);
    expect(found('solicitó la patente US 10234567 B2')).toEqual([]);
  });
});

describe('plates a few words after a plate word', () => {
  it('reads letters and digits after lower-case words', () => {
    expect(found('licence plate on parking permit NXR 772, car belongs to his dad')).toEqual(['NXR 772']);
    expect(found('the plate on the trailer is KDA 123A')).toEqual(['KDA 123A']);
  });

  it('needs only lower-case words between, and a plate shape', () => {
    expect(found('plate on table 4 was cold, order AB 12')).toEqual([]);
    expect(found('the plate was broken. Call ABC 123 later')).toEqual([]);
    expect(found('a plate of food for room A 12')).toEqual([]);
  });
});
