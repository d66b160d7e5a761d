import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LeadTagSchema, SwapTriageInputSchema } from '@spark-control/schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TaskLoader, parseTaskFile } from './tasks.js';

const task = (frontmatter: string, body = 'Answer with JSON.') => `---\n${frontmatter}\n---\n${body}\n`;

describe('TaskLoader', () => {
  it('loads the four built-in tasks from the repository prompts/', async () => {
    const tasks = await new TaskLoader().load();
    expect([...tasks.keys()]).toEqual(['cctv_profiler', 'lead_tagger', 'qd_calculator', 'swap_triage']);
    const lead = tasks.get('lead_tagger');
    expect(lead).toMatchObject({
      outputName: 'lead_tag',
      inputName: 'text',
      thinking: false,
      temperature: 0,
      maxTokens: 1024,
    });
    expect(lead?.output).toBe(LeadTagSchema);
    expect(tasks.get('swap_triage')?.input).toBe(SwapTriageInputSchema);
    expect(tasks.get('qd_calculator')).toMatchObject({ thinking: true, reasoningBudget: 2048 });
    expect(tasks.get('swap_triage')?.instructions).toContain('"port_in_use"');
  });

  describe('with a directory of its own', () => {
    let dir: string;
    beforeEach(async () => {
      dir = await mkdtemp(join(tmpdir(), 'tasks-'));
    });
    afterEach(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('reads the directory given to the constructor', async () => {
      await writeFile(
        join(dir, 'mine.md'),
        task('id: mine\noutput: swap_triage\nthinking: on\ntemperature: 0.6\nmaxTokens: 4000'),
      );
      await writeFile(join(dir, 'README.txt'), 'not a task');
      const tasks = await new TaskLoader(dir).load();
      expect([...tasks.keys()]).toEqual(['mine']);
      expect(tasks.get('mine')).toMatchObject({
        thinking: true,
        inputName: 'text',
        instructions: 'Answer with JSON.',
      });
    });

    it('refuses the whole directory when one file is bad, naming it', async () => {
      await writeFile(
        join(dir, 'good.md'),
        task('id: good\noutput: qd_score\nthinking: off\ntemperature: 0\nmaxTokens: 100'),
      );
      await writeFile(
        join(dir, 'bad.md'),
        task('id: bad\noutput: horoscope\nthinking: off\ntemperature: 0\nmaxTokens: 100'),
      );
      await expect(new TaskLoader(dir).load()).rejects.toThrow(
        /bad\.md: output: must name a known output schema/,
      );
    });
  });
});

describe('parseTaskFile', () => {
  const valid = 'id: t\noutput: lead_tag\nthinking: off\ntemperature: 0\nmaxTokens: 512';

  it.each([
    ['no frontmatter', 'Just a prompt', /must start with a --- frontmatter/],
    ['broken YAML', task('id: [t'), /not valid YAML/],
    [
      'unknown output schema',
      task(valid.replace('lead_tag', 'LeadTag')),
      /output: must name a known output schema/,
    ],
    ['unknown input schema', task(`${valid}\ninput: audio`), /input: must name a known input schema/],
    ['unknown key', task(`${valid}\ntemprature: 1`), /temprature: is not a known setting/],
    ['missing maxTokens', task(valid.replace('\nmaxTokens: 512', '')), /maxTokens/],
    [
      'thinking not on/off',
      task(valid.replace('thinking: off', 'thinking: maybe')),
      /thinking: must be on or off/,
    ],
    [
      'temperature out of range',
      task(valid.replace('temperature: 0', 'temperature: 3')),
      /temperature: must be from 0 to 2/,
    ],
    [
      'budget above maxTokens',
      task(`${valid.replace('thinking: off', 'thinking: on')}\nreasoningBudget: 512`),
      /maxTokens must exceed/,
    ],
    ['budget without thinking', task(`${valid}\nreasoningBudget: 100`), /reasoningBudget needs thinking: on/],
    ['id not the file name', task(valid.replace('id: t', 'id: other')), /id: must match the file name \(t\)/],
    ['empty body', task(valid, '   '), /prompt body is empty/],
  ])('refuses %s', (_name, text, message) => {
    expect(() => parseTaskFile('/x/t.md', text)).toThrow(message);
  });

  it('refuses an id the API reserves', () => {
    expect(() => parseTaskFile('/x/parse.md', task(valid.replace('id: t', 'id: parse')))).toThrow(/reserved/);
  });

  it('accepts booleans for thinking', () => {
    expect(parseTaskFile('/x/t.md', task(valid.replace('thinking: off', 'thinking: true'))).thinking).toBe(
      true,
    );
  });
});
