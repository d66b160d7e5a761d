import type { Settings } from '@spark-control/schema';
import * as v from 'valibot';
import { OpenAiChat } from '../../adapters/llm/openai-chat.js';
import { recoverJson } from '../reasoning/recovery/recover.js';
import { localBaseUrl } from '../reasoning/service.js';
import { localTier, type LocalTier } from '../reasoning/tiers.js';
import type { NameLexicon } from './detectors/index.js';

/** The most text one question carries; a longer text is checked on its first part only. */
export const NAME_CHECK_MAX_CHARS = 16_000;
const MAX_NAMES = 64;
const NAMES_SCHEMA = v.array(v.string());
const JSON_SCHEMA = {
  name: 'person_names',
  schema: { type: 'array', items: { type: 'string', maxLength: 100 }, maxItems: MAX_NAMES },
};
const INSTRUCTIONS = [
  'List every name of a person (given names, family names, full names, nicknames) that occurs in the',
  "user's text. Copy each exactly as written there. Leave out places, companies, products, months and",
  'weekdays. Answer with a JSON array of strings only, such as ["Adaeze Okonkwo", "Kofi"], or [] when there is none.',
].join(' ');

/** What one question to the local model came to (for the benchmark and the tests). */
export type NameCheckOutcome = 'answered' | 'late' | 'failed' | 'unparsable';
export interface NameCheckResult {
  names: string[];
  outcome: NameCheckOutcome;
}

/**
 * Asks a local tier which person names occur in `text`, within `budgetMs`. Only a `LocalTier`
 * fits here: a cloud tier does not type-check, so the raw text never leaves the LAN this way.
 * Never rejects: on a late, failed or unreadable answer it gives no names.
 */
export async function askLocalModel(
  tier: LocalTier,
  text: string,
  budgetMs: number,
): Promise<NameCheckResult> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<NameCheckResult>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve({ names: [], outcome: 'late' });
    }, budgetMs);
  });
  const asked = (async (): Promise<NameCheckResult> => {
    const options = { signal: controller.signal, timeoutMs: budgetMs };
    const model = await tier.model(options);
    const reply = await tier.chat.complete({
      model,
      messages: [
        { role: 'system', content: INSTRUCTIONS },
        { role: 'user', content: text.slice(0, NAME_CHECK_MAX_CHARS) },
      ],
      temperature: 0,
      maxTokens: 512,
      extraBody: { chat_template_kwargs: { enable_thinking: false } },
      jsonSchema: JSON_SCHEMA,
      ...options,
    });
    const recovered = recoverJson(reply.content, reply.finishReason, NAMES_SCHEMA);
    return recovered.value
      ? { names: recovered.value, outcome: 'answered' }
      : { names: [], outcome: 'unparsable' };
  })().catch((): NameCheckResult => ({ names: [], outcome: controller.signal.aborted ? 'late' : 'failed' }));
  try {
    return await Promise.race([asked, late]);
  } finally {
    clearTimeout(timer);
  }
}

const LETTER = /\p{L}/u;
const LOWER_ONLY = /^[\p{Ll}\s'’.-]+$/u;

/**
 * The answers worth redacting: text that occurs verbatim in `text` as whole words, has a letter,
 * is not all lower case, and is not made only of ordinary words or places (`Support`, `Lagos`).
 */
export function verbatimNames(text: string, names: readonly string[], lexicon: NameLexicon): string[] {
  const kept = new Set<string>();
  for (const raw of names.slice(0, MAX_NAMES)) {
    const name = raw.trim();
    if (name.length < 2 || name.length > 100 || !LETTER.test(name) || LOWER_ONLY.test(name)) continue;
    const words = name
      .toLowerCase()
      .split(/[\s.]+/)
      .filter(Boolean);
    if (words.every((word) => lexicon.common(word) || lexicon.place(word))) continue;
    if (wholeWordAt(text, name, 0) >= 0) kept.add(name);
  }
  return [...kept];
}

const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

/** The first index ≥ `from` where `name` occurs in `text` as whole words, or -1. */
export function wholeWordAt(text: string, name: string, from: number): number {
  for (let at = text.indexOf(name, from); at >= 0; at = text.indexOf(name, at + 1)) {
    if (!isWordChar(text[at - 1]) && !isWordChar(text[at + name.length])) return at;
  }
  return -1;
}

/**
 * The optional second opinion (`privacy.localNameCheck`): the cluster's own vLLM, found the way
 * the reasoning client finds its local tier, is asked for the person names in a text.
 */
export class LocalNameCheck {
  readonly #settings: { readonly current: Settings };
  readonly #fetch: typeof fetch | undefined;
  #tier: { url: string; tier: LocalTier } | undefined;

  constructor(options: { settings: { readonly current: Settings }; fetch?: typeof fetch | undefined }) {
    this.#settings = options.settings;
    this.#fetch = options.fetch;
  }

  /** Names the local model found in `text`; none when the check is off or no answer came in time. */
  async names(text: string): Promise<string[]> {
    const settings = this.#settings.current;
    if (!settings.privacy.localNameCheck) return [];
    const tier = this.#localTier(settings);
    if (!tier) return [];
    const { names } = await askLocalModel(tier, text, settings.privacy.localNameCheckBudgetMs);
    return names;
  }

  #localTier(settings: Settings): LocalTier | undefined {
    const url = localBaseUrl(settings);
    if (!url) return undefined;
    if (this.#tier?.url !== url) {
      const fetchImpl = this.#fetch;
      const chat = new OpenAiChat({ baseUrl: url, apiKey: '', ...(fetchImpl ? { fetch: fetchImpl } : {}) });
      this.#tier = { url, tier: localTier(chat) };
    }
    return this.#tier.tier;
  }
}
