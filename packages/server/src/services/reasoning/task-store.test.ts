import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LeadTagSchema, SwapTriageInputSchema } from '@spark-control/schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TaskStore } from './task-store.js';

const task = (frontmatter: string, body = 'Answer with JSON.') => `---\n${frontmatter}\n---\n${body}\n`;
const LEAD = 'id: lead_tagger\noutput: lead_tag\nthinking: off\ntemperature: 0\nmaxTokens: 1024';
const BAD_OUTPUT = 'id: bad\noutput: horoscope\nthinking: off\ntemperature: 0\nmaxTokens: 100';

describe('TaskStore', () => {
  it('loads the four built-in tasks from the repository prompts/', async () => {
    const store = await TaskStore.open();
    expect([...store.current.keys()]).toEqual([
      'cctv_profiler',
      'lead_tagger',
      'qd_calculator',
      'swap_triage',
    ]);
    const lead = store.current.get('lead_tagger');
    expect(lead).toMatchObject({
      outputName: 'lead_tag',
      inputName: 'text',
      thinking: false,
      temperature: 0,
      maxTokens: 1024,
      source: 'bundled',
    });
    expect(lead?.output).toBe(LeadTagSchema);
    expect(store.current.get('swap_triage')?.input).toBe(SwapTriageInputSchema);
    expect(store.current.get('qd_calculator')).toMatchObject({ thinking: true, reasoningBudget: 2048 });
    expect(store.current.get('swap_triage')?.instructions).toContain('"port_in_use"');
    expect(store.warnings).toEqual([]);
  });

  describe('with bundled and owner directories of its own', () => {
    let dir: string;
    let bundledDir: string;
    let ownerDir: string;
    let store: TaskStore | undefined;
    beforeEach(async () => {
      dir = await mkdtemp(join(tmpdir(), 'tasks-'));
      bundledDir = join(dir, 'bundled');
      ownerDir = join(dir, 'data', 'prompts');
      await mkdir(bundledDir);
      await writeFile(join(bundledDir, 'lead_tagger.md'), task(LEAD, 'Bundled instructions.'));
      await writeFile(join(bundledDir, 'README.txt'), 'not a task');
    });
    afterEach(async () => {
      store?.stop();
      store = undefined;
      await rm(dir, { recursive: true, force: true });
    });

    it('uses the bundled tasks when the data volume has no prompts directory', async () => {
      store = await TaskStore.open({ bundledDir, ownerDir });
      expect([...store.current.keys()]).toEqual(['lead_tagger']);
      expect(store.current.get('lead_tagger')).toMatchObject({
        source: 'bundled',
        instructions: 'Bundled instructions.',
      });
      expect(store.warnings).toEqual([]);
    });

    it("lays the owner's files over the bundled ones by name and adds new ones", async () => {
      await mkdir(ownerDir, { recursive: true });
      await writeFile(join(ownerDir, 'lead_tagger.md'), task(LEAD, "The owner's instructions."));
      await writeFile(
        join(ownerDir, 'mine.md'),
        task('id: mine\noutput: swap_triage\nthinking: on\ntemperature: 0.6\nmaxTokens: 4000'),
      );
      store = await TaskStore.open({ bundledDir, ownerDir });
      expect([...store.current.keys()].sort()).toEqual(['lead_tagger', 'mine']);
      expect(store.current.get('lead_tagger')).toMatchObject({
        source: 'owner',
        instructions: "The owner's instructions.",
      });
      expect(store.current.get('mine')).toMatchObject({ source: 'owner', thinking: true, inputName: 'text' });
    });

    it('skips a bad file with a warning naming it; the other tasks and a bundled one of that name stay', async () => {
      await writeFile(join(bundledDir, 'bad.md'), task(BAD_OUTPUT));
      await mkdir(ownerDir, { recursive: true });
      await writeFile(
        join(ownerDir, 'lead_tagger.md'),
        task(LEAD.replace('temperature: 0', 'temperature: 9')),
      );
      await writeFile(join(ownerDir, 'broken.md'), 'no frontmatter at all');
      const warned: string[] = [];
      const log = { warn: (fields: { warning: string }) => warned.push(fields.warning) };
      store = await TaskStore.open({ bundledDir, ownerDir, log: log as never });
      expect([...store.current.keys()]).toEqual(['lead_tagger']);
      expect(store.current.get('lead_tagger')).toMatchObject({
        source: 'bundled',
        instructions: 'Bundled instructions.',
      });
      expect(store.warnings).toEqual([
        `${bundledDir}/bad.md: output: must name a known output schema: lead_tag, cctv_profile, qd_score, swap_triage`,
        `${ownerDir}/broken.md: must start with a --- frontmatter block ---`,
        `${ownerDir}/lead_tagger.md: temperature: must be from 0 to 2 (the bundled task of that name stays in force)`,
      ]);
      expect(warned).toEqual(store.warnings);
    });

    it('reloads when a file is added, changed or removed, and a running call keeps the task it had', async () => {
      store = await TaskStore.open({ bundledDir, ownerDir });
      store.watch(25);
      const before = store.current;
      await mkdir(ownerDir, { recursive: true });
      await writeFile(join(ownerDir, 'lead_tagger.md'), task(LEAD, 'Edited on the volume.'));
      await expect
        .poll(() => store?.current.get('lead_tagger')?.instructions, { timeout: 5000 })
        .toBe('Edited on the volume.');
      expect(before.get('lead_tagger')?.instructions).toBe('Bundled instructions.');

      // The same size: only the modification time tells.
      await writeFile(join(ownerDir, 'lead_tagger.md'), task(LEAD, 'Edited at the volume!'));
      await expect
        .poll(() => store?.current.get('lead_tagger')?.instructions, { timeout: 5000 })
        .toBe('Edited at the volume!');

      await writeFile(join(ownerDir, 'bad.md'), task(BAD_OUTPUT));
      await expect.poll(() => store?.warnings.length, { timeout: 5000 }).toBe(1);
      await rm(join(ownerDir, 'bad.md'));
      await rm(join(ownerDir, 'lead_tagger.md'));
      await expect.poll(() => store?.current.get('lead_tagger')?.source, { timeout: 5000 }).toBe('bundled');
      expect(store.warnings).toEqual([]);
    });
  });
});
