import { describe, expect, it } from 'vitest';
import { loadTuningSets, tuningDigest } from '../fixtures/labelled.js';
import { loadNameLexicon } from './index.js';
import { withModelNames } from './name-model.js';
import { NAME_MODEL } from './name-model-weights.js';
import { detectPersons } from './person.js';

const names = await loadNameLexicon([]);
const read = (text: string, persons: ReturnType<typeof detectPersons>) =>
  persons.map((span) => text.slice(span.start, span.end));
const byRules = (text: string) => read(text, detectPersons(text, names));
const withModel = (text: string) => read(text, withModelNames(text, detectPersons(text, names), names));

describe('the name model (ADR 0020)', () => {
  it('was learned from the tuning lines as they are now', () => {
    expect(
      NAME_MODEL.trainedOn,
      'the tuning lines changed since the weights were learned: npx tsx scripts/train-models.ts',
    ).toBe(tuningDigest(loadTuningSets()));
  });

  it('finds names in places no rule reads: a shift roster, a chat turn in lower case', () => {
    const roster = 'Warehouse shift: Oluwaseyi 6-2, Kelechi 2-10, Bongani off.';
    expect(byRules(roster)).not.toContain('Kelechi');
    expect(withModel(roster)).toEqual(['Oluwaseyi', 'Kelechi', 'Bongani']);
    const chat = 'kwesi: can u check the invoice / abena: on it';
    expect(byRules(chat)).not.toContain('abena');
    expect(withModel(chat)).toEqual(['kwesi', 'abena']);
  });

  it('leaves capitalised words that name no one', () => {
    expect(withModel('The Quarterly Review went to Marketing and Finance on Monday.')).toEqual([]);
    expect(
      withModel('Order shipped via DHL Express to the Nairobi Warehouse, tracking in Salesforce.'),
    ).toEqual([]);
  });
});
