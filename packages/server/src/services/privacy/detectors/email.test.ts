import { describe, expect, it } from 'vitest';
import { detectEmails } from './email.js';

const found = (text: string) => detectEmails(text).map((span) => text.slice(span.start, span.end));

describe('e-mail addresses spelled out (round 5)', () => {
  it('takes bracketed at and dot anywhere', () => {
    expect(found('write to alice [at] example [dot] com please')).toEqual(['alice [at] example [dot] com']);
    expect(found('contact: kofi.mensah (at) gmail (dot) com.')).toEqual(['kofi.mensah (at) gmail (dot) com']);
    expect(found('Email:ama[at]mail[dot]gh')).toEqual(['ama[at]mail[dot]gh']);
  });

  it('takes a bare at and dot only with a mail provider or a mailbox-shaped local part', () => {
    expect(found('mail john.smith at gmail dot com')).toEqual(['john.smith at gmail dot com']);
    expect(found('ngozi at yahoo dot co dot uk')).toEqual(['ngozi at yahoo dot co dot uk']);
    expect(found('look at this dot com bubble, we met at the office dot matrix')).toEqual([]);
  });

  it('takes a local part whose dots are spelled out too', () => {
    expect(found('email me at priya dot raman at outlook dot com, no spaces')).toEqual([
      'priya dot raman at outlook dot com',
    ]);
  });
});

describe('e-mail addresses with an underscore or dash spelled out', () => {
  it('reads underscore, dash and hyphen as the characters in the local part', () => {
    expect(found('my email is sam underscore okafor at gmail dot com, thanks')).toEqual([
      'sam underscore okafor at gmail dot com',
    ]);
    expect(found('write to ana dash lucia at outlook dot com')).toEqual([
      'ana dash lucia at outlook dot com',
    ]);
  });

  it('reads digits said apart after the last word of the local part', () => {
    expect(found('mera email hai priyanka dot iyer 92 at gmail dot com, wahi pe')).toEqual([
      'priyanka dot iyer 92 at gmail dot com',
    ]);
  });

  it('leaves words of the same name in ordinary text alone', () => {
    expect(found('press the dash at the end dot com style')).toEqual([]);
    expect(found('use an underscore at the start of the name')).toEqual([]);
  });
});
