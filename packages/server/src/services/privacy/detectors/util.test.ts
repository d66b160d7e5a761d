import { describe, expect, it } from 'vitest';
import { fromAnchors, newScan, ONE_ENTRY, splitScriptWords } from './util.js';

describe('fromAnchors', () => {
  it('tries the anchor’s own word at the start of the text and right after the last match', () => {
    const found = (text: string) => fromAnchors(text, /PIN/g, /PIN:? \d{4}/y, 2).map((m) => m[0]);
    expect(found('PIN 4821')).toEqual(['PIN 4821']);
    expect(found('PIN 4821PIN 7730')).toEqual(['PIN 4821', 'PIN 7730']);
    expect(found('my PIN: 4821')).toEqual(['PIN: 4821']);
  });
});

describe('ONE_ENTRY', () => {
  it('changes no match of the word list it stands before', () => {
    const words = '(?:march|mar|mai|may)';
    const plain = new RegExp(String.raw`(?:^|[^\p{L}])\d{1,2}\.?\s?${words}\.?\s\d{4}`, 'giu');
    const once = new RegExp(String.raw`(?:^|[^\p{L}])\d{1,2}\.?\s?${ONE_ENTRY}${words}\.?\s\d{4}`, 'giu');
    for (const text of [
      '12 March 1990',
      '3. mai 1985, 1 mar. 2001',
      'x12may 1990',
      '4 may',
      '',
      '\u{1F600}7 Mar 1999',
    ]) {
      expect([...text.matchAll(once)].map((m) => [m.index, m[0]])).toEqual(
        [...text.matchAll(plain)].map((m) => [m.index, m[0]]),
      );
    }
  });
});

describe('splitScriptWords', () => {
  it('finds the matches of the whole alternation, one after another from each index', () => {
    const whole = /car|van|номер|машин|车牌/gi;
    const text = 'Car 车牌 a van, номерCARmaшин машина 车牌van';
    newScan();
    const next = splitScriptWords(text, /car|van/gi, /номер|машин|车牌/gi);
    for (const from of [0, 1, 4, 5, 12, 17, 22, 30, text.length]) {
      whole.lastIndex = from;
      const m = whole.exec(text);
      expect(next(from)).toEqual(m ? { index: m.index, word: m[0] } : undefined);
    }
  });
});
