/** A transcript word with its time span (seconds). */
export interface TimedWord {
  word: string;
  start: number;
  end: number;
}

/** A diarizer turn: who speaks from `start` to `end`. */
export interface SpeakerTurn {
  start: number;
  end: number;
  speaker: string;
}

export interface LabelledWord extends TimedWord {
  speaker: string | null;
}

export interface Utterance {
  speaker: string | null;
  start: number;
  end: number;
  text: string;
}

/** A word that touches no turn takes the nearest turn's speaker when it is at most this far away. */
const NEAREST_TURN_SEC = 0.5;

const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

/**
 * Labels each word with the speaker whose turns overlap it longest (summed per speaker); a word
 * in a gap takes the nearest turn within 0.5 s, else no speaker.
 */
export function assignSpeakers(words: readonly TimedWord[], turns: readonly SpeakerTurn[]): LabelledWord[] {
  const sorted = [...turns].sort((a, b) => a.start - b.start);
  return words.map((word) => {
    const bySpeaker = new Map<string, number>();
    for (const turn of sorted) {
      if (turn.start >= word.end) break;
      const shared = overlap(word, turn);
      if (shared > 0) bySpeaker.set(turn.speaker, (bySpeaker.get(turn.speaker) ?? 0) + shared);
    }
    let speaker: string | null = null;
    let best = 0;
    for (const [candidate, shared] of bySpeaker) {
      if (shared > best) {
        best = shared;
        speaker = candidate;
      }
    }
    if (speaker === null) {
      let nearest = NEAREST_TURN_SEC;
      for (const turn of sorted) {
        const gap = Math.max(turn.start - word.end, word.start - turn.end);
        if (gap <= nearest) {
          nearest = gap;
          speaker = turn.speaker;
        }
      }
    }
    return { ...word, speaker };
  });
}

/** Consecutive words of one speaker become one utterance. */
export function groupUtterances(words: readonly LabelledWord[]): Utterance[] {
  const utterances: Utterance[] = [];
  for (const word of words) {
    const last = utterances.at(-1);
    if (last && last.speaker === word.speaker) {
      last.end = Math.max(last.end, word.end);
      last.text = `${last.text} ${word.word}`;
    } else {
      utterances.push({ speaker: word.speaker, start: word.start, end: word.end, text: word.word });
    }
  }
  return utterances;
}

/**
 * Dual-channel merge: each channel was transcribed on its own, so a word's channel is its speaker
 * (`local` for the first, `remote` for the second), whatever the other channel's loudness at that
 * moment. `isBleed` may drop a local word that is only the remote side leaking into the local mic.
 */
export function mergeChannels(
  local: readonly TimedWord[],
  remote: readonly TimedWord[],
  isBleed: (word: TimedWord) => boolean = () => false,
): LabelledWord[] {
  const words: LabelledWord[] = [
    ...local.filter((word) => !isBleed(word)).map((word) => ({ ...word, speaker: 'local' })),
    ...remote.map((word) => ({ ...word, speaker: 'remote' })),
  ];
  return words.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Turns of one diarized window, with times already on the whole file's clock. */
export interface WindowTurns {
  start: number;
  end: number;
  turns: SpeakerTurn[];
}

/**
 * Stitches the turns of overlapping windows into one labelling. Each window's labels are matched
 * to the labels already known by how long they speak together in the overlap (greedy, longest
 * first, one to one); an unmatched label is a new speaker, or — once `maxSpeakers` are known — the
 * last known speaker (the diarizer's own cap folds the same way). Each window owns the time from the middle of
 * its overlap with the previous window. Labels come out as SPEAKER_NN by first appearance.
 */
export function stitchWindows(windows: readonly WindowTurns[], maxSpeakers: number): SpeakerTurn[] {
  const result: SpeakerTurn[] = [];
  const known: string[] = [];
  let previous: { window: WindowTurns; turns: SpeakerTurn[] } | undefined;
  for (const window of windows) {
    const mapping = new Map<string, string>();
    const locals = [...new Set(window.turns.map((turn) => turn.speaker))];
    if (previous) {
      const region = { start: window.start, end: previous.window.end };
      const scores: { local: string; global: string; shared: number }[] = [];
      for (const local of locals) {
        for (const global of known) {
          let shared = 0;
          for (const mine of window.turns) {
            if (mine.speaker !== local) continue;
            for (const theirs of previous.turns) {
              if (theirs.speaker !== global) continue;
              const a = { start: Math.max(mine.start, region.start), end: Math.min(mine.end, region.end) };
              if (a.end > a.start) shared += overlap(a, theirs);
            }
          }
          if (shared > 0) scores.push({ local, global, shared });
        }
      }
      scores.sort((a, b) => b.shared - a.shared);
      const taken = new Set<string>();
      for (const score of scores) {
        if (mapping.has(score.local) || taken.has(score.global)) continue;
        mapping.set(score.local, score.global);
        taken.add(score.global);
      }
    }
    for (const local of locals) {
      if (mapping.has(local)) continue;
      if (known.length < maxSpeakers) {
        const label = `SPEAKER_${String(known.length).padStart(2, '0')}`;
        known.push(label);
        mapping.set(local, label);
      } else {
        mapping.set(local, known.at(-1) ?? 'SPEAKER_00');
      }
    }
    const turns = window.turns.map((turn) => ({
      ...turn,
      speaker: mapping.get(turn.speaker) ?? turn.speaker,
    }));
    const cut = previous ? (window.start + previous.window.end) / 2 : window.start;
    // Drop what the previous window said after the cut, then take this window's part from it.
    for (let index = result.length - 1; index >= 0; index -= 1) {
      const turn = result[index]!;
      if (turn.start >= cut) result.splice(index, 1);
      else if (turn.end > cut) turn.end = cut;
    }
    for (const turn of turns) {
      if (turn.end <= cut) continue;
      result.push({ ...turn, start: Math.max(turn.start, cut) });
    }
    previous = { window, turns };
  }
  return relabel(joinTurns(result));
}

/** Adjacent turns of one speaker (gap ≤ 50 ms) become one. */
function joinTurns(turns: SpeakerTurn[]): SpeakerTurn[] {
  const joined: SpeakerTurn[] = [];
  for (const turn of [...turns].sort((a, b) => a.start - b.start)) {
    const last = joined.at(-1);
    if (last && last.speaker === turn.speaker && turn.start - last.end <= 0.05)
      last.end = Math.max(last.end, turn.end);
    else joined.push({ ...turn });
  }
  return joined.map((turn) => ({ ...turn, start: round(turn.start), end: round(turn.end) }));
}

/** Numbers labels by first appearance, as pyannote does. */
function relabel(turns: SpeakerTurn[]): SpeakerTurn[] {
  const labels = new Map<string, string>();
  return turns.map((turn) => {
    let label = labels.get(turn.speaker);
    if (!label) {
      label = `SPEAKER_${String(labels.size).padStart(2, '0')}`;
      labels.set(turn.speaker, label);
    }
    return { ...turn, speaker: label };
  });
}

const round = (value: number) => Math.round(value * 1000) / 1000;
