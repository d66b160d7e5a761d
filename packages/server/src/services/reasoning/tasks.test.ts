import { describe, expect, it } from 'vitest';
import { parseTaskFile } from './tasks.js';

const task = (frontmatter: string, body = 'Answer with JSON.') => `---\n${frontmatter}\n---\n${body}\n`;

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
