import { describe, expect, it } from 'vitest';
import { assignSpeakers, groupUtterances, mergeChannels, stitchWindows, type TimedWord } from './merge.js';
import { isBleed } from './speech-service.js';

const w = (word: string, start: number, end: number): TimedWord => ({ word, start, end });

describe('assignSpeakers', () => {
  it('gives each word the speaker it overlaps longest, and a near gap word the nearest turn', () => {
    const turns = [
      { start: 0, end: 2.1, speaker: 'SPEAKER_00' },
      { start: 2.1, end: 4, speaker: 'SPEAKER_01' },
      { start: 6, end: 7, speaker: 'SPEAKER_00' },
    ];
    const words = [
      w('hello', 0.2, 0.6),
      w('there', 1.9, 2.5),
      w('yes', 2.6, 3),
      w('late', 4.3, 4.6),
      w('far', 5, 5.2),
    ];
    expect(assignSpeakers(words, turns).map((word) => word.speaker)).toEqual([
      'SPEAKER_00',
      'SPEAKER_01', // 0.4 s with 01 against 0.2 s with 00
      'SPEAKER_01',
      'SPEAKER_01', // 0.3 s after its turn: the nearest within 0.5 s
      null, // 1 s from every turn
    ]);
  });

  it('groups consecutive words of one speaker into utterances', () => {
    const labelled = [
      { ...w('a', 0, 1), speaker: 'x' },
      { ...w('b', 1, 2), speaker: 'x' },
      { ...w('c', 2, 3), speaker: 'y' },
      { ...w('d', 3, 4), speaker: 'x' },
    ];
    expect(groupUtterances(labelled)).toEqual([
      { speaker: 'x', start: 0, end: 2, text: 'a b' },
      { speaker: 'y', start: 2, end: 3, text: 'c' },
      { speaker: 'x', start: 3, end: 4, text: 'd' },
    ]);
  });
});

describe('mergeChannels', () => {
  it('labels words by channel, sorted by time, whatever the other channel does', () => {
    const merged = mergeChannels(
      [w('hi', 0.5, 0.9), w('quiet', 2, 2.4)],
      [w('loud', 1.9, 2.6), w('yo', 0, 0.4)],
    );
    expect(merged.map((word) => `${word.speaker}:${word.word}`)).toEqual([
      'remote:yo',
      'local:hi',
      'remote:loud',
      'local:quiet',
    ]);
  });

  it('drops only the local words the bleed check rejects', () => {
    const merged = mergeChannels(
      [w('echo', 0, 1), w('mine', 1, 2)],
      [w('echo', 0, 1)],
      (word) => word.word === 'echo',
    );
    expect(merged.map((word) => `${word.speaker}:${word.word}`)).toEqual(['remote:echo', 'local:mine']);
  });
});

describe('isBleed', () => {
  const rate = 1000;
  const remote = Int16Array.from({ length: 1000 }, (_, i) => Math.round(8000 * Math.sin(i / 3)));
  it('finds a scaled copy of the remote channel, and keeps a quiet local voice under it', () => {
    const bleedOnly = Int16Array.from(remote, (sample) => Math.round(sample * 0.2));
    const voiceUnder = Int16Array.from(remote, (sample, i) =>
      Math.round(sample * 0.2 + 700 * Math.sin(i / 1.3)),
    );
    const word = w('x', 0, 1);
    expect(isBleed({ sampleRate: rate, channels: [bleedOnly, remote] }, word)).toBe(true);
    expect(isBleed({ sampleRate: rate, channels: [voiceUnder, remote] }, word)).toBe(false);
    expect(isBleed({ sampleRate: rate, channels: [voiceUnder, new Int16Array(1000)] }, word)).toBe(false);
  });
});

describe('stitchWindows', () => {
  it('maps window labels to known speakers by overlap and cuts at the middle of each overlap', () => {
    const turns = stitchWindows(
      [
        {
          start: 0,
          end: 10,
          turns: [
            { start: 0, end: 4, speaker: 'SPEAKER_00' },
            { start: 4, end: 10, speaker: 'SPEAKER_01' },
          ],
        },
        {
          // The second window heard SPEAKER_01 of the first as its SPEAKER_00, then someone new.
          start: 8,
          end: 18,
          turns: [
            { start: 8, end: 12, speaker: 'SPEAKER_00' },
            { start: 12, end: 15, speaker: 'SPEAKER_01' },
            { start: 15, end: 18, speaker: 'SPEAKER_02' },
          ],
        },
      ],
      8,
    );
    expect(turns).toEqual([
      { start: 0, end: 4, speaker: 'SPEAKER_00' },
      { start: 4, end: 12, speaker: 'SPEAKER_01' },
      { start: 12, end: 15, speaker: 'SPEAKER_02' },
      { start: 15, end: 18, speaker: 'SPEAKER_03' },
    ]);
  });

  it('recognises a returning speaker and folds speakers beyond the cap into the last label', () => {
    const turns = stitchWindows(
      [
        {
          start: 0,
          end: 6,
          turns: [
            { start: 0, end: 3, speaker: 'SPEAKER_00' },
            { start: 3, end: 5, speaker: 'SPEAKER_01' },
            { start: 5, end: 6, speaker: 'SPEAKER_00' },
          ],
        },
        {
          start: 4,
          end: 10,
          turns: [
            { start: 4, end: 5, speaker: 'SPEAKER_00' },
            { start: 5, end: 7, speaker: 'SPEAKER_01' },
            { start: 7, end: 10, speaker: 'SPEAKER_02' },
          ],
        },
      ],
      2,
    );
    expect(turns).toEqual([
      { start: 0, end: 3, speaker: 'SPEAKER_00' },
      { start: 3, end: 5, speaker: 'SPEAKER_01' },
      { start: 5, end: 7, speaker: 'SPEAKER_00' },
      { start: 7, end: 10, speaker: 'SPEAKER_01' },
    ]);
  });
});
