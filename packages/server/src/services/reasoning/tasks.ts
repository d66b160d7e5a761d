import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  REASONING_INPUT_SCHEMAS,
  REASONING_OUTPUT_SCHEMAS,
  formatIssues,
  type ReasoningInputSchemaName,
  type ReasoningOutputSchemaName,
} from '@spark-control/schema';
import * as v from 'valibot';
import { parse as parseYaml } from 'yaml';
import { ownText, type PromptText } from './prompt-text.js';

/** Where a task file was read: the image's prompts/, or the owner's directory on the data volume. */
export type TaskSource = 'bundled' | 'owner';

/** One reasoning task: a prompt file with its frontmatter resolved. */
export interface ReasoningTask {
  id: string;
  outputName: ReasoningOutputSchemaName;
  output: (typeof REASONING_OUTPUT_SCHEMAS)[ReasoningOutputSchemaName];
  inputName: ReasoningInputSchemaName;
  input: (typeof REASONING_INPUT_SCHEMAS)[ReasoningInputSchemaName];
  thinking: boolean;
  reasoningBudget: number | undefined;
  temperature: number;
  topP: number | undefined;
  maxTokens: number;
  instructions: PromptText;
  file: string;
  source: TaskSource;
}

const TASK_ID = /^[a-z][a-z0-9_]{0,62}$/;
/** Paths of the reasoning API that a task id would shadow. */
const RESERVED_IDS = new Set(['health', 'stats', 'tasks', 'parse']);
const OUTPUT_NAMES = Object.keys(REASONING_OUTPUT_SCHEMAS) as ReasoningOutputSchemaName[];
const INPUT_NAMES = Object.keys(REASONING_INPUT_SCHEMAS) as ReasoningInputSchemaName[];
const tokenCount = (max: number) =>
  v.pipe(
    v.number('must be a number'),
    v.integer('must be a whole number'),
    v.minValue(1, 'must be at least 1'),
    v.maxValue(max, `must be at most ${max}`),
  );

const FrontmatterSchema = v.pipe(
  v.strictObject({
    id: v.pipe(v.string('must be text'), v.regex(TASK_ID, 'must be lowercase letters, digits and _')),
    output: v.picklist(OUTPUT_NAMES, `must name a known output schema: ${OUTPUT_NAMES.join(', ')}`),
    input: v.optional(
      v.picklist(INPUT_NAMES, `must name a known input schema: ${INPUT_NAMES.join(', ')}`),
      'text',
    ),
    thinking: v.pipe(
      v.union([v.boolean(), v.picklist(['on', 'off'])], 'must be on or off'),
      v.transform((value) => value === true || value === 'on'),
    ),
    reasoningBudget: v.optional(tokenCount(131_072)),
    temperature: v.pipe(
      v.number('must be a number'),
      v.minValue(0, 'must be from 0 to 2'),
      v.maxValue(2, 'must be from 0 to 2'),
    ),
    topP: v.optional(
      v.pipe(
        v.number('must be a number'),
        v.gtValue(0, 'must be above 0'),
        v.maxValue(1, 'must be at most 1'),
      ),
    ),
    maxTokens: tokenCount(131_072),
  }),
  v.check(
    (fm) => fm.reasoningBudget === undefined || fm.maxTokens > fm.reasoningBudget,
    'maxTokens must exceed reasoningBudget (thinking tokens count against maxTokens)',
  ),
  v.check((fm) => fm.thinking || fm.reasoningBudget === undefined, 'reasoningBudget needs thinking: on'),
);

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/;

/** Parses one task file; throws an Error naming the file and every problem. */
export function parseTaskFile(file: string, text: string, source: TaskSource = 'bundled'): ReasoningTask {
  const fail = (problems: string[]) => new Error(`${basename(file)}: ${problems.join('; ')}`);
  const match = FRONTMATTER.exec(text.replace(/^\ufeff/, ''));
  if (!match) throw fail(['must start with a --- frontmatter block ---']);
  let raw: unknown;
  try {
    raw = parseYaml(match[1] ?? '');
  } catch (error) {
    throw fail([`frontmatter is not valid YAML (${(error as Error).message.split('\n')[0]})`]);
  }
  const result = v.safeParse(FrontmatterSchema, raw);
  if (!result.success) throw fail(formatIssues(result.issues));
  const fm = result.output;
  const stem = basename(file).replace(/\.md$/, '');
  if (fm.id !== stem) throw fail([`id: must match the file name (${stem})`]);
  if (RESERVED_IDS.has(fm.id)) throw fail([`id: ${fm.id} is reserved by the reasoning API`]);
  const body = (match[2] ?? '').trim();
  if (body === '') throw fail(['the prompt body is empty']);
  return {
    id: fm.id,
    outputName: fm.output,
    output: REASONING_OUTPUT_SCHEMAS[fm.output],
    inputName: fm.input,
    input: REASONING_INPUT_SCHEMAS[fm.input],
    thinking: fm.thinking,
    reasoningBudget: fm.reasoningBudget,
    temperature: fm.temperature,
    topP: fm.topP,
    maxTokens: fm.maxTokens,
    instructions: ownText(body),
    file,
    source,
  };
}

/** prompts/ at the repository root in development, next to the bundle in the image. */
export function defaultPromptsDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, '../../../../../prompts'), join(here, '../prompts'), join(here, 'prompts')];
  return (
    candidates.find((candidate) => existsSync(join(candidate, 'swap_triage.md'))) ??
    candidates[0] ??
    'prompts'
  );
}
