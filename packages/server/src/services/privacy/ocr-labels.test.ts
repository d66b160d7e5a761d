import { describe, expect, it } from 'vitest';
import { loadNameLexicon } from './detectors/index.js';
import { scrubText, ScrubSession } from './scrub.js';
import { withOcrLabelsRead } from './ocr-labels.js';

describe('form labels misread by a scanner', () => {
  it('reads label words with a zero or a one for a letter as the words, at the same length', () => {
    const scanned =
      'NAME: ADEBAYO  OLUWASEUN   D0B: 12 / 03 / 1986   Passp0rt N0: A07734219   Te1ephone: 0722';
    const read = withOcrLabelsRead(scanned);
    expect(read).toBe(
      'NAME: ADEBAYO  OLUWASEUN   DOB: 12 / 03 / 1986   Passport NO: A07734219   Telephone: 0722',
    );
    expect(read).toHaveLength(scanned.length);
    expect(withOcrLabelsRead('APPL1CANT SIGNATURE, Chi1d: Amara')).toBe('APPLICANT SIGNATURE, Child: Amara');
  });

  it('leaves codes, hex and words that are no label alone', () => {
    for (const text of [
      'MAC 3C:84:6A:0F:B2:E7',
      'ref A07734219 and x0f',
      'h0use b1ue',
      'win10 box',
      'dc:a6:32:0f:44:e1',
    ])
      expect(withOcrLabelsRead(text)).toBe(text);
  });

  it('finds the values after misread labels and gives the scanned text back unchanged', async () => {
    const lexicon = await loadNameLexicon([]);
    const scanned = 'Passp0rt N0: A07734219  D0B: 12 / 03 / 1986';
    const scrubbed = scrubText(scanned, new ScrubSession('ab12cd', lexicon));
    expect(scrubbed).not.toContain('A07734219');
    expect(scrubbed).not.toContain('1986');
    expect(scrubbed).toContain('Passp0rt N0:');
  });
});
