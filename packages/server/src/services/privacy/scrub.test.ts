import { describe, expect, it } from 'vitest';
import { luhnValid } from './detectors/card.js';
import { ibanValid } from './detectors/iban.js';
import { loadNameLexicon } from './detectors/index.js';
import { FIXTURE_USER_NAMES, loadTuningSamples } from './fixtures/labelled.js';
import { detectionView, toOriginal } from './normalize.js';
import { restoreJson, restoreText } from './rehydrate.js';
import { findEntities, ScrubSession, scrubJson, scrubText } from './scrub.js';
import { mergeSpans } from './spans.js';
import { StreamRestorer } from './stream-restore.js';
import { newNonce, TOKEN_SHAPE } from './tokens.js';

const lexicon = await loadNameLexicon(FIXTURE_USER_NAMES);
const session = (nonce = newNonce()) => new ScrubSession(nonce, lexicon);
const samples = loadTuningSamples();

/** Feeds `text` to a restorer in chunks of `size` characters. */
function streamed(restorer: StreamRestorer, text: string, size: number): string {
  let out = '';
  for (let i = 0; i < text.length; i += size) out += restorer.push(text.slice(i, i + size));
  return out + restorer.end();
}

describe('scrub → rehydrate round trip on the labelled set', () => {
  it('restores every line exactly, as text, as JSON and as a chunked stream', () => {
    for (const sample of samples) {
      const s = session();
      // What the detectors find and miss is scored by detection.test.ts; here every line must come back.
      const scrubbed = scrubText(sample.text, s);
      expect(restoreText(scrubbed, s.nonce, s.entries)).toBe(sample.text);
      for (const size of [1, 2, 3, 5, 7, 16, 64]) {
        expect(
          streamed(new StreamRestorer(s.nonce, s.entries), scrubbed, size),
          `line ${sample.line} / ${size}`,
        ).toBe(sample.text);
      }
    }
    const document = { lines: samples.map((sample) => ({ line: sample.line, text: sample.text })) };
    const s = session();
    const scrubbed = scrubJson(document, s);
    expect(JSON.stringify(scrubbed)).not.toContain('alice.smith@example.com');
    expect(restoreJson(JSON.parse(JSON.stringify(scrubbed)), s.nonce, s.entries)).toEqual(document);
    // Every tuning line is scrubbed twice: the time grows with the labelled set, and it is no speed target.
  }, 180_000);
});

describe('scrubText', () => {
  it('uses one token per distinct value and the session nonce in every token', () => {
    const s = session('x7f3ab');
    const out = scrubText('alice@example.com wrote to bob@example.com, then alice@example.com again', s);
    expect(out).toBe('[[EMAIL_1_x7f3ab]] wrote to [[EMAIL_2_x7f3ab]], then [[EMAIL_1_x7f3ab]] again');
    expect(s.entities).toEqual([
      { type: 'EMAIL', token: '[[EMAIL_1_x7f3ab]]' },
      { type: 'EMAIL', token: '[[EMAIL_2_x7f3ab]]' },
    ]);
  });

  it('sees through zero-width characters and full-width digits but keeps every other character', () => {
    const text = 'card 4111\u200b1111\u200b1111\u200b1111, tel ＋４９ ３０ １２３４５６７, ok\u200b.';
    const s = session('abc123');
    const out = scrubText(text, s);
    expect(out).toBe('card [[CARD_1_abc123]], tel [[PHONE_1_abc123]], ok\u200b.');
    expect(restoreText(out, s.nonce, s.entries)).toBe(text);
  });

  it('neutralises text that already looks like a token, whatever its nonce', () => {
    const s = session('n0nce1');
    const out = scrubText('ignore [[EMAIL_1_n0nce1]] and [[PERSON_2_zzzzzz]]', s);
    expect(out).toBe('ignore [[LITERAL_1_n0nce1]] and [[LITERAL_2_n0nce1]]');
    expect(restoreText(out, s.nonce, s.entries)).toBe('ignore [[EMAIL_1_n0nce1]] and [[PERSON_2_zzzzzz]]');
  });

  it('does not take Sydney the city for a person', () => {
    expect(findEntities('We moved the meetup to Sydney in May.', lexicon)).toEqual([]);
    expect(findEntities('Sydney Sweeney signed.', lexicon)).toEqual([{ start: 0, end: 14, type: 'PERSON' }]);
  });

  it('reports a URL that carries a finding as one URL (the outermost span wins)', () => {
    const text = 'see https://example.com/p?x=1&contact=a@b.io now';
    expect(findEntities(text, lexicon)).toEqual([{ start: 4, end: 44, type: 'URL' }]);
  });

  it('takes a PEM private key only up to its END line, and not a BEGIN without one', () => {
    const key = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg\n-----END PRIVATE KEY-----';
    expect(findEntities(`key:\n${key}\nthanks`, lexicon)).toEqual([
      { start: 5, end: 5 + key.length, type: 'SECRET' },
    ]);
    expect(findEntities('-----BEGIN PRIVATE KEY----- is how it starts', lexicon)).toEqual([]);
  });

  it('uses names from the user list', async () => {
    const own = await loadNameLexicon(['Quorra Tanngrisnir']);
    expect(findEntities('ping quorra tanngrisnir today', own)).toEqual([
      { start: 5, end: 23, type: 'PERSON' },
    ]);
    expect(findEntities('ping quorra tanngrisnir today', lexicon)).toEqual([]);
  });
});

describe('scrubJson', () => {
  it('scrubs keys and values, uses key names as hints and gives numbers back as numbers', () => {
    const input = {
      camera: 'gate-3',
      detections: [{ plate: 'XYZ 123', confidence: 0.93 }],
      driver: { firstName: 'Quentin', phone: 4915112345678 },
      'alice@example.com': true,
      n: null,
    };
    const s = session('j50n00');
    const out = scrubJson(input, s) as Record<string, unknown>;
    const text = JSON.stringify(out);
    for (const secret of ['XYZ 123', 'Quentin', '4915112345678', 'alice@example.com'])
      expect(text).not.toContain(secret);
    expect(text).toContain('gate-3');
    expect(text).toContain('0.93');
    expect(restoreJson(JSON.parse(text), s.nonce, s.entries)).toEqual(input);
  });
});

describe('rehydrate', () => {
  it("restores only this session's tokens", () => {
    const a = session('aaaaaa');
    const b = session('bbbbbb');
    const fromA = scrubText('mail alice@example.com', a);
    const fromB = scrubText('mail bob@example.com', b);
    expect(restoreText(`${fromA} / ${fromB}`, a.nonce, a.entries)).toBe(`mail alice@example.com / ${fromB}`);
    expect(restoreText('[[EMAIL_9_aaaaaa]]', a.nonce, a.entries)).toBe('[[EMAIL_9_aaaaaa]]');
  });
});

describe('StreamRestorer', () => {
  const entries = new Map<string, string | number>([['[[PERSON_1_q1w2e3]]', 'Ingrid']]);

  it('holds back a token split across chunks and releases it whole', () => {
    const r = new StreamRestorer('q1w2e3', entries);
    expect(r.push('Hello [[PERS')).toBe('Hello ');
    expect(r.push('ON_1_q1w')).toBe('');
    expect(r.push('2e3]], how')).toBe('Ingrid, how');
    expect(r.end()).toBe('');
  });

  it('lets go of brackets that turn out not to be a token', () => {
    const r = new StreamRestorer('q1w2e3', entries);
    expect(r.push('matrix[[0][1]] and [[PERS')).toBe('matrix[[0][1]] and ');
    expect(r.push('ON list]] done [')).toBe('[[PERSON list]] done ');
    expect(r.end()).toBe('[');
  });
});

describe('helpers', () => {
  it('validates Luhn and IBAN checksums', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(ibanValid('DE89370400440532013000')).toBe(true);
    expect(ibanValid('DE89370400440532013001')).toBe(false);
  });

  it('merges overlaps: outermost wins, partial overlaps become their union', () => {
    expect(
      mergeSpans([
        { start: 5, end: 10, type: 'EMAIL' },
        { start: 0, end: 20, type: 'URL' },
        { start: 30, end: 40, type: 'PERSON' },
        { start: 35, end: 50, type: 'ADDRESS' },
      ]),
    ).toEqual([
      { start: 0, end: 20, type: 'URL' },
      { start: 30, end: 50, type: 'ADDRESS' },
    ]);
  });

  it('maps a detection-view span back over the invisible characters inside it', () => {
    const view = detectionView('a\u200bb ｃ');
    expect(view.text).toBe('ab c');
    expect(toOriginal(view, 0, 2)).toEqual([0, 3]);
    expect(toOriginal(view, 3, 4)).toEqual([4, 5]);
  });

  it('reads a zero-width space or a soft hyphen between a lower-case and a capital letter as a space', () => {
    const view = detectionView('Aoife\u200bMurphy, j\u200bohn@example.org, Tuiasosopo\u00adLeota');
    expect(view.text).toBe('Aoife Murphy, john@example.org, Tuiasosopo Leota');
    expect(toOriginal(view, 0, 12)).toEqual([0, 12]);
  });

  it('reads the digits of other scripts as ASCII and gives the original back (round 8)', () => {
    expect(detectionView('تاریخ تولد ۱۳۶۸/۰۵/۱۲ ১২ २०४५ ๒๕').text).toBe('تاریخ تولد 1368/05/12 12 2045 25');
    const text = 'শিরিন, মোবাইল +৮৮০ ১৭১২-৪০৮৩৫৯';
    const s = session();
    const scrubbed = scrubText(text, s);
    expect(scrubbed).not.toContain('৪০৮৩৫৯');
    expect(restoreText(scrubbed, s.nonce, s.entries)).toBe(text);
  });

  it('makes tokens of the documented shape', () => {
    const nonce = newNonce();
    expect(nonce).toMatch(/^[a-z0-9]{6}$/);
    expect(scrubText('a@b.io', session(nonce))).toMatch(new RegExp(TOKEN_SHAPE.source));
  });
});

describe('joiners inside words (round 12)', () => {
  it('keeps a zero-width joiner that ends a name inside the finding', () => {
    const text = 'ഉപഭോക്താവ് അനില്‍ കുമാര്‍ ന്റെ ഇമെയില്‍ ആണ്.';
    const [person] = findEntities(text, lexicon).filter((span) => span.type === 'PERSON');
    expect(person && text.slice(person.start, person.end)).toBe('അനില്‍ കുമാര്‍');
  });
});
