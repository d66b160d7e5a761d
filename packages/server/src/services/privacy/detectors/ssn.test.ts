import { describe, expect, it } from 'vitest';
import { detectSsns } from './ssn.js';

const found = (text: string) => detectSsns(text).map((span) => text.slice(span.start, span.end));

describe('US social security numbers', () => {
  it('takes a spaced number after `my social is`', () => {
    expect(found("Caller: My social is 529 44 8817, and I'm calling")).toEqual(['529 44 8817']);
    expect(found('SSN 529448817')).toEqual(['529448817']);
  });

  it('leaves a social event or a number after other words alone', () => {
    expect(found('my social is on 529 44 8817 Main St')).toEqual([]);
    expect(found('his social club has 529 44 8817 members')).toEqual([]);
  });
});
