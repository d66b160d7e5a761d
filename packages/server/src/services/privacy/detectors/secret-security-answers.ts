import type { Span } from '../types.js';

/**
 * `mother's maiden name "Featherstonehaugh"`, `memorable word: tangerine`, `first pet's name was Biscuit`:
 * the answer to a security question is a password by another name.
 */
const SECURITY_ANSWER =
  /\b(?:maiden name|memorable (?:word|name|place|date)|security (?:question )?answer|secret (?:answer|word)|(?:first|childhood) pet(?:'s|’s)? name)(?:\s+(?:is|was|=)|\s*[:=])?\s*["'“]([^"'”\n]{2,40})["'”]|\b(?:memorable word|security (?:question )?answer|secret (?:answer|word)|maiden name(?: on file)?)(?:\s+(?:is|was|=)|\s*[:=])\s*([A-Za-zÀ-ž][\wÀ-ž-]{2,31})/dgi;
/**
 * `what's your memorable word? Caller: marmalade.`, `name of your first school? — St Brigid's.`: the question (asked of
 * `your` …), then the answer in the next turn, up to its end.
 */
const SECURITY_QUESTION_THEN_ANSWER =
  /\byour (?:mother['’]s )?(?:memorable (?:word|name|place|date)|maiden name|first school|(?:first|childhood) pet(?:'s|’s)? name|secret (?:answer|word)|favou?rite teacher)\b[^?\n]{0,40}\?\s+(?:[A-Z][A-Za-z]{1,15}:\s+|[—–-]\s+)?([A-Za-zÀ-ž][^.,;!?\n]{1,30}?)(?=[.,;!?]|\n|$)/dg;

/** The rare word every security question names; the full pattern is read only around it. */
const SECURITY_WORD = /maiden|memorable|answer|secret|pet|school|teacher/gi;

/** Answers to security questions, read only around the words that name them. */
export function securityAnswers(text: string): Span[] {
  const spans: Span[] = [];
  SECURITY_WORD.lastIndex = 0;
  for (let word = SECURITY_WORD.exec(text); word; word = SECURITY_WORD.exec(text)) {
    // From the sentence's few words before the word (`first pet's`, `security question answer`).
    const from = Math.max(0, word.index - 20);
    const window = text.slice(from, word.index + 100);
    for (const m of [
      ...window.matchAll(SECURITY_ANSWER),
      ...window.matchAll(SECURITY_QUESTION_THEN_ANSWER),
    ]) {
      const range = m.indices?.[1] ?? m.indices?.[2];
      if (range) spans.push({ start: from + range[0], end: from + range[1], type: 'SECRET' });
    }
    SECURITY_WORD.lastIndex = word.index + 100;
  }
  return spans;
}
