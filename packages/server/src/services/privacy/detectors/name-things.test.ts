import { describe, expect, it } from 'vitest';
import { mergeSpans } from '../spans.js';
import { loadNameLexicon } from './name-lexicon.js';
import { detectPersons } from './person.js';

const lexicon = await loadNameLexicon([]);
const found = (text: string) =>
  mergeSpans(detectPersons(text, lexicon)).map((span) => text.slice(span.start, span.end));

describe('months and weekdays that are also given names', () => {
  it('are dates after a word that puts them in time', () => {
    expect(found('Wir kommen im Juli.')).toEqual([]);
    expect(found('Die Miete steigt ab Juli um 40 Euro.')).toEqual([]);
    expect(found('The lease runs until June and the deposit comes back in July.')).toEqual([]);
    expect(found('Volvemos desde abril.')).toEqual([]);
  });

  it('stay names where nothing dates them', () => {
    expect(found('I met April in June.')).toEqual(['April']);
    expect(found('Ask June about the keys.')).toEqual(['June']);
  });
});
