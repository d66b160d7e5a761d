import { describe, expect, it } from 'vitest';
import { loadTuningSets, tuningDigest } from '../fixtures/labelled.js';
import { numberChunks, numbersByModel } from './number-model.js';
import { NUMBER_MODEL } from './number-model-weights.js';

const chunks = (text: string) => numberChunks(text).map((chunk) => chunk.value);
const typed = (text: string) =>
  numbersByModel(text, []).map((span) => `${span.type} ${text.slice(span.start, span.end)}`);

describe('the number model (ADR 0020)', () => {
  it('was learned from the tuning lines as they are now', () => {
    expect(NUMBER_MODEL.trainedOn, 'the tuning lines changed: npx tsx scripts/train-models.ts').toBe(
      tuningDigest(loadTuningSets()),
    );
  });

  it('reads a number with the capitals and groups a single sign joins to it, not the words around it', () => {
    expect(chunks('Rek. BCA 2840193756 a.n. Agus')).toEqual(['BCA 2840193756']);
    expect(chunks('Vehículo: 4821 KLM, conductor')).toEqual(['4821 KLM']);
    expect(chunks('Settlement to 12-3045-0678912-00.')).toEqual(['12-3045-0678912-00']);
  });

  it('leaves dates, years and short numbers to others', () => {
    expect(chunks('born 12.05.1988, joined in 2019, 3pm, room 42, 2024-11-30')).toEqual([]);
  });

  it('types a number by its shape and the words before it, and leaves references and amounts', () => {
    expect(typed('Salary to Equity Bank acct 0180 2937 4412 from March')).toEqual(['IBAN 0180 2937 4412']);
    expect(typed('passport no. K7741209 expires 2031')).toEqual(['SSN K7741209']);
    expect(typed('Meeting at 3pm, invoice INV-2024-0087 total 4 820,00 EUR')).toEqual([]);
  });

  it('reads only numbers no other finding touches', () => {
    const text = 'passport no. K7741209 expires 2031';
    expect(numbersByModel(text, [{ start: 13, end: 21, type: 'SSN' }])).toEqual([]);
  });
});
