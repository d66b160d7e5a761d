import { describe, expect, it } from 'vitest';
import { detectSensitiveUrls } from './url.js';

const found = (text: string) => detectSensitiveUrls(text).map((span) => text.slice(span.start, span.end));

describe('round 12 links', () => {
  it("takes a link the text calls someone's own site", () => {
    expect(found("Björk Einarsdóttir's personal site https://bjork-einars.is lists her phone")).toEqual([
      'https://bjork-einars.is',
    ]);
    expect(found('Mehr auf seiner persönliche Homepage: https://kraus-design.de')).toEqual([
      'https://kraus-design.de',
    ]);
    expect(found('Our company site https://acme-tools.is lists the prices')).toEqual([]);
  });

  it('takes a scheduling poll link by its random id', () => {
    expect(found('Doodle: https://doodle.com/meeting/participate/id/b7Xq2Lmd — erstellt')).toEqual([
      'https://doodle.com/meeting/participate/id/b7Xq2Lmd',
    ]);
    expect(found('Try https://doodle.com/en/features today')).toEqual([]);
  });
});
