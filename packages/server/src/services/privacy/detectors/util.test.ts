import { describe, expect, it } from 'vitest';
import { fromAnchors } from './util.js';

describe('fromAnchors', () => {
  it('tries the anchor’s own word at the start of the text and right after the last match', () => {
    const found = (text: string) => fromAnchors(text, /PIN/g, /PIN:? \d{4}/y, 2).map((m) => m[0]);
    expect(found('PIN 4821')).toEqual(['PIN 4821']);
    expect(found('PIN 4821PIN 7730')).toEqual(['PIN 4821', 'PIN 7730']);
    expect(found('my PIN: 4821')).toEqual(['PIN: 4821']);
  });
});
