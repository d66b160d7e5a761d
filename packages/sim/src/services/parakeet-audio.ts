import type { PcmAudio } from './wav.js';

/**
 * The simulated recogniser: every 0.4 s window of non-silent audio is one word, taken in order from
 * the NATO alphabet; the loudest channel of a window is its speaker. Silence or a speaker change ends
 * a segment. So a fixture of N loud windows transcribes to "Alpha bravo … ." predictably.
 */
export const WORD_SECONDS = 0.4;
/** RMS (of full scale 32767) below which a window counts as silence. */
export const SILENCE_RMS = 500;
export const VOCABULARY =
  'alpha bravo charlie delta echo foxtrot golf hotel india juliett kilo lima mike november oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee zulu'.split(
    ' ',
  );

export interface Word {
  word: string;
  start: number;
  end: number;
  speaker: number;
}

export interface Segment {
  start: number;
  end: number;
  text: string;
  speaker: number;
  words: Word[];
}

export interface Analysis {
  duration: number;
  segments: Segment[];
  speakers: number;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

function rms(samples: Int16Array, from: number, to: number): number {
  let sum = 0;
  for (let i = from; i < to; i += 1) sum += (samples[i] ?? 0) ** 2;
  return to > from ? Math.sqrt(sum / (to - from)) : 0;
}

/** `maxSpeakers` clamps: speakers beyond it are folded into the last allowed label. */
export function analyzeAudio(audio: PcmAudio, maxSpeakers: number): Analysis {
  const frames = audio.channels[0]?.length ?? 0;
  const window = Math.max(1, Math.round(audio.sampleRate * WORD_SECONDS));
  const labels = new Map<number, number>();
  const segments: Segment[] = [];
  let current: Segment | undefined;
  let wordIndex = 0;
  for (let from = 0; from < frames; from += window) {
    const to = Math.min(frames, from + window);
    const energies = audio.channels.map((channel) => rms(channel, from, to));
    const loudest = energies.reduce((best, e, i) => (e > (energies[best] ?? 0) ? i : best), 0);
    if ((energies[loudest] ?? 0) < SILENCE_RMS) {
      current = undefined;
      continue;
    }
    if (!labels.has(loudest)) labels.set(loudest, labels.size);
    const speaker = Math.min(labels.get(loudest) ?? 0, maxSpeakers - 1);
    if (!current || current.speaker !== speaker) {
      current = { start: round(from / audio.sampleRate), end: 0, text: '', speaker, words: [] };
      segments.push(current);
    }
    current.words.push({
      word: VOCABULARY[wordIndex % VOCABULARY.length] ?? 'word',
      start: round(from / audio.sampleRate),
      end: round(to / audio.sampleRate),
      speaker,
    });
    current.end = round(to / audio.sampleRate);
    wordIndex += 1;
  }
  for (const segment of segments) {
    const first = segment.words[0];
    const last = segment.words.at(-1);
    if (first) first.word = first.word.charAt(0).toUpperCase() + first.word.slice(1);
    if (last) last.word = `${last.word}.`;
    segment.text = segment.words.map((w) => w.word).join(' ');
  }
  return {
    duration: round(frames / audio.sampleRate),
    segments,
    speakers: Math.min(labels.size, maxSpeakers),
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function subtitleTime(seconds: number, separator: ',' | '.'): string {
  const ms = Math.round(seconds * 1000);
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}${separator}${pad(ms % 1000, 3)}`;
}

export function toSrt(segments: { start: number; end: number; text: string }[]): string {
  return segments
    .map((s, i) => `${i + 1}\n${subtitleTime(s.start, ',')} --> ${subtitleTime(s.end, ',')}\n${s.text}\n`)
    .join('\n');
}

export function toVtt(segments: { start: number; end: number; text: string }[]): string {
  return `WEBVTT\n\n${segments.map((s) => `${subtitleTime(s.start, '.')} --> ${subtitleTime(s.end, '.')}\n${s.text}\n`).join('\n')}`;
}
