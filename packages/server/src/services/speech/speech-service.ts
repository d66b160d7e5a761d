import { readText } from '../../adapters/upstream/client.js';
import { DomainError } from '../domain-error.js';
import type { GatewayService } from '../gateway/gateway-service.js';
import type { SettingsSource } from '../settings-source.js';
import { sparkHosts } from '../gateway/upstreams.js';
import {
  assignSpeakers,
  groupUtterances,
  mergeChannels,
  stitchWindows,
  type LabelledWord,
  type SpeakerTurn,
  type TimedWord,
  type Utterance,
} from './merge.js';
import {
  channelSource,
  fileSource,
  multipartBody,
  windowSource,
  type AudioFile,
  type AudioSource,
} from './audio-source.js';
import { durationOf, readFrames, readWavLayout, WavError, type PcmAudio, type WavLayout } from './wav.js';

/**
 * How many speakers the owner's diarizer separates (speech.md assumed 8; the deployed one does 4).
 * Voices beyond it are folded into the last label.
 */
export const SPEAKER_CAP = 4;
/** A local-channel word whose residual after removing the scaled remote signal is below this share of its level is bleed. */
const BLEED_RESIDUAL_RATIO = 0.25;

export type { AudioFile } from './audio-source.js';

export interface DiarizeOptions {
  /** Window length for long audio; 0 or absent sends the file whole. */
  chunkSec?: number | undefined;
  overlapSec?: number | undefined;
  minSpeakers?: number | undefined;
  maxSpeakers?: number | undefined;
  numSpeakers?: number | undefined;
  /** Refuse (400) a speaker count above the cap instead of capping it with a note. */
  strictSpeakers?: boolean | undefined;
}

export interface DiarizeResult {
  segments: SpeakerTurn[];
  num_speakers: number;
  chunks: number;
  /** The most speakers the diarizer separates. */
  speaker_cap: number;
  /** What was changed in the request, and why (a capped speaker count); empty when nothing was. */
  notes: string[];
}

export interface DiarizedTranscript {
  mode: 'diarized' | 'dual-channel';
  /** As in `DiarizeResult`: what was changed in the request, and why. */
  notes: string[];
  text: string;
  duration: number | null;
  speakers: string[];
  utterances: Utterance[];
  words: LabelledWord[];
}

/**
 * Diarization and speaker-labelled transcripts on the configured parakeet service. Audio goes
 * only to a configured Spark host: an stt service anywhere else is refused before any byte leaves.
 */
export class SpeechService {
  constructor(private readonly deps: { gateway: GatewayService; settings: SettingsSource }) {}

  async diarize(file: AudioFile, request: DiarizeOptions, signal?: AbortSignal): Promise<DiarizeResult> {
    const { options, notes } = capSpeakers(request);
    const maxSpeakers = options.maxSpeakers ?? SPEAKER_CAP;
    const answer = (segments: SpeakerTurn[], chunks: number): DiarizeResult => ({
      segments,
      num_speakers: new Set(segments.map((turn) => turn.speaker)).size,
      chunks,
      speaker_cap: SPEAKER_CAP,
      notes,
    });
    const chunkSec = options.chunkSec ?? 0;
    if (chunkSec <= 0)
      return answer(await this.#diarizeOnce(fileSource(file), options, maxSpeakers, signal), 1);
    const overlapSec = options.overlapSec ?? Math.min(5, chunkSec / 4);
    if (overlapSec < 0 || overlapSec >= chunkSec) {
      throw new DomainError('BAD_REQUEST', 'overlap_sec must be at least 0 and less than chunk_sec', {
        openAiCode: 'invalid_request',
      });
    }
    const layout = await layoutOf(file);
    const duration = durationOf(layout);
    const frame = (sec: number) => Math.round(sec * layout.sampleRate);
    const windows = [];
    for (let start = 0; start < duration; start += chunkSec - overlapSec) {
      const end = Math.min(duration, start + chunkSec);
      const slice = windowSource(file.path, layout, frame(start), frame(end));
      const turns = await this.#diarizeOnce(slice, options, maxSpeakers, signal);
      windows.push({
        start,
        end,
        turns: turns.map((turn) => ({ ...turn, start: turn.start + start, end: turn.end + start })),
      });
      if (end >= duration) break;
    }
    return answer(stitchWindows(windows, maxSpeakers), windows.length);
  }

  /**
   * A transcript with a speaker on every word. `diarized`: words from the transcriber, speakers
   * from the diarizer, joined by time overlap. `dual-channel`: each channel of a stereo PCM16 WAV
   * is transcribed alone, channel 1 labelled `local`, channel 2 `remote`.
   */
  async transcribeDiarized(
    file: AudioFile,
    options: DiarizeOptions & { dualChannel?: boolean | undefined; language?: string | undefined },
    signal?: AbortSignal,
  ): Promise<DiarizedTranscript> {
    if (options.dualChannel) {
      const layout = await layoutOf(file);
      if (layout.channels !== 2) {
        throw new DomainError(
          'BAD_REQUEST',
          `dual-channel mode needs a 2-channel WAV; this one has ${layout.channels}`,
          { openAiCode: 'invalid_audio' },
        );
      }
      const [local, remote] = await Promise.all(
        [0, 1].map((index) =>
          this.#transcribe(channelSource(file.path, layout, index), options.language, signal),
        ),
      );
      const bleed = new Set<TimedWord>();
      for (const word of local!.words) if (await isBleedIn(file.path, layout, word)) bleed.add(word);
      const words = mergeChannels(local!.words, remote!.words, (word) => bleed.has(word));
      return transcript('dual-channel', words, durationOf(layout), []);
    }
    // Capped (or refused) before either request leaves.
    const { options: capped, notes } = capSpeakers(options);
    const [transcription, diarization] = await Promise.all([
      this.#transcribe(fileSource(file), options.language, signal),
      this.diarize(file, capped, signal),
    ]);
    const words = assignSpeakers(transcription.words, diarization.segments);
    return transcript('diarized', words, transcription.duration, notes);
  }

  async #diarizeOnce(
    audio: AudioSource,
    options: DiarizeOptions,
    maxSpeakers: number,
    signal?: AbortSignal,
  ): Promise<SpeakerTurn[]> {
    const fields: [string, string][] = [['max_speakers', String(maxSpeakers)]];
    if (options.minSpeakers !== undefined) fields.push(['min_speakers', String(options.minSpeakers)]);
    if (options.numSpeakers !== undefined) fields.push(['num_speakers', String(options.numSpeakers)]);
    const body = (await this.#post('/diarize', fields, audio, signal)) as { segments?: SpeakerTurn[] };
    return (body.segments ?? []).map((turn) => ({ start: turn.start, end: turn.end, speaker: turn.speaker }));
  }

  async #transcribe(
    audio: AudioSource,
    language: string | undefined,
    signal?: AbortSignal,
  ): Promise<{ words: TimedWord[]; duration: number | null }> {
    const fields: [string, string][] = [
      ['model', 'parakeet'],
      ['response_format', 'verbose_json'],
      ['timestamp_granularities[]', 'word'],
      ['timestamp_granularities[]', 'segment'],
      ['diarize', 'false'],
    ];
    if (language) fields.push(['language', language]);
    const body = (await this.#post('/v1/audio/transcriptions', fields, audio, signal)) as {
      duration?: number;
      words?: TimedWord[];
    };
    return {
      words: (body.words ?? []).map((word) => ({ word: word.word, start: word.start, end: word.end })),
      duration: typeof body.duration === 'number' ? body.duration : null,
    };
  }

  /** Streams `audio` as a multipart upload: the file goes from disk to the Spark, never whole into memory. */
  async #post(
    path: string,
    fields: readonly (readonly [string, string])[],
    audio: AudioSource,
    signal?: AbortSignal,
  ): Promise<unknown> {
    const upstream = this.deps.gateway.upstream('parakeet');
    if (!sparkHosts(this.deps.settings.current).has(upstream.host)) {
      throw new DomainError(
        'UNAVAILABLE',
        'the speech-to-text service is not on a configured Spark; audio stays here',
        { openAiCode: 'not_a_spark' },
      );
    }
    const multipart = multipartBody(fields, audio);
    const response = await this.deps.gateway.call('parakeet', {
      method: 'POST',
      path,
      headers: { 'content-type': multipart.contentType, 'content-length': String(multipart.length) },
      body: multipart.open(),
      signal,
    });
    if (response.status >= 400) throw await this.deps.gateway.upstreamError('parakeet', response);
    const text = await readText(response.body, 64 * 1024 * 1024);
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new DomainError('UPSTREAM_FAILED', 'the speech-to-text service answered with malformed JSON', {
        openAiCode: 'upstream_malformed',
      });
    }
  }
}

/**
 * Holds a request to the diarizer's speaker cap: a count above it is capped, with a note saying so,
 * or refused when the caller insists (`strictSpeakers`). Nothing is sent before this passes.
 */
export function capSpeakers(request: DiarizeOptions): { options: DiarizeOptions; notes: string[] } {
  const notes: string[] = [];
  const cap = (field: string, value: number | undefined) => {
    if (value === undefined || value <= SPEAKER_CAP) return value;
    if (request.strictSpeakers) {
      throw new DomainError(
        'BAD_REQUEST',
        `${field}: ${value} is more speakers than the diarizer separates (at most ${SPEAKER_CAP}); without strict_speakers it is capped to ${SPEAKER_CAP}`,
        { openAiCode: 'too_many_speakers', param: field },
      );
    }
    notes.push(
      `${field}: ${value} capped to ${SPEAKER_CAP}, the most speakers the diarizer separates; voices beyond the ${SPEAKER_CAP}th share the last label`,
    );
    return SPEAKER_CAP;
  };
  const options = {
    ...request,
    minSpeakers: cap('min_speakers', request.minSpeakers),
    maxSpeakers: cap('max_speakers', request.maxSpeakers),
    numSpeakers: cap('num_speakers', request.numSpeakers),
  };
  if (
    options.minSpeakers !== undefined &&
    options.maxSpeakers !== undefined &&
    options.minSpeakers > options.maxSpeakers
  ) {
    throw new DomainError('BAD_REQUEST', 'min_speakers: must not exceed max_speakers', {
      openAiCode: 'invalid_request',
      param: 'min_speakers',
    });
  }
  return { options, notes };
}

async function layoutOf(file: AudioFile): Promise<WavLayout> {
  try {
    return await readWavLayout(file.path);
  } catch (error) {
    if (error instanceof WavError) {
      throw new DomainError(
        'UNSUPPORTED_MEDIA_TYPE',
        `chunked and dual-channel modes need a PCM16 WAV file: ${error.message}`,
        { openAiCode: 'unsupported_audio' },
      );
    }
    throw error;
  }
}

/** isBleed on the word's own frames, read from the file. */
async function isBleedIn(path: string, layout: WavLayout, word: TimedWord): Promise<boolean> {
  const from = Math.max(0, Math.floor(word.start * layout.sampleRate));
  const to = Math.ceil(word.end * layout.sampleRate);
  const audio = await readFrames(path, layout, from, to);
  return isBleed(audio, { ...word, start: 0, end: (to - from) / layout.sampleRate });
}

function transcript(
  mode: DiarizedTranscript['mode'],
  words: LabelledWord[],
  duration: number | null,
  notes: string[],
): DiarizedTranscript {
  const utterances = groupUtterances(words);
  return {
    mode,
    notes,
    text: words.map((word) => word.word).join(' '),
    duration,
    speakers: [
      ...new Set(words.map((word) => word.speaker).filter((speaker): speaker is string => speaker !== null)),
    ],
    utterances,
    words,
  };
}

/**
 * Whether a local-channel word is only the remote side leaking into the local microphone: the
 * local signal minus its best zero-lag fit of the remote signal leaves (almost) nothing.
 */
export function isBleed(audio: PcmAudio, word: TimedWord): boolean {
  const local = audio.channels[0];
  const remote = audio.channels[1];
  if (!local || !remote) return false;
  const from = Math.max(0, Math.floor(word.start * audio.sampleRate));
  const to = Math.min(local.length, Math.ceil(word.end * audio.sampleRate));
  let lr = 0;
  let rr = 0;
  let ll = 0;
  for (let i = from; i < to; i += 1) {
    const l = local[i] ?? 0;
    const r = remote[i] ?? 0;
    lr += l * r;
    rr += r * r;
    ll += l * l;
  }
  if (rr === 0 || ll === 0 || lr <= 0) return false;
  const gain = lr / rr;
  const residual = ll - 2 * gain * lr + gain * gain * rr;
  return Math.sqrt(Math.max(0, residual) / ll) < BLEED_RESIDUAL_RATIO;
}
