import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataMountpoint, serverEntrypoint, uiDir, uiPort } from '../utils.js';
import { repoRoot } from './support/paths.js';

interface Instruction {
  keyword: string;
  args: string;
}

/** Dockerfile instructions per stage, continuation lines joined and comments dropped. */
function parseDockerfile(text: string): Instruction[][] {
  const logical = text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const stages: Instruction[][] = [];
  for (const line of logical) {
    const [keyword = '', ...rest] = line.split(/\s+/);
    const instruction = { keyword: keyword.toUpperCase(), args: rest.join(' ') };
    if (instruction.keyword === 'FROM') stages.push([]);
    stages.at(-1)?.push(instruction);
  }
  return stages;
}

const dockerfile = readFileSync(join(repoRoot, 'Dockerfile'), 'utf8');
const stages = parseDockerfile(dockerfile);
const [build, runtime] = stages as [Instruction[], Instruction[]];
const args = (stage: Instruction[], keyword: string) =>
  stage.filter((instruction) => instruction.keyword === keyword).map((instruction) => instruction.args);

describe('the root Dockerfile', () => {
  it('has a build stage and a Node 22 slim runtime stage', () => {
    expect(stages).toHaveLength(2);
    expect(build[0]?.args).toMatch(/^node:22-slim AS build$/);
    expect(runtime[0]?.args).toBe('node:22-slim');
  });

  it('builds with the pinned pnpm, from the lockfile, and deploys only runtime dependencies', () => {
    const runs = args(build, 'RUN').join('\n');
    for (const command of runs.match(/(?:npx\s+(?:--yes\s+)?)?pnpm[^\s]*/g) ?? []) {
      expect(command).toMatch(/^npx --yes pnpm@10\.34\.8$/);
    }
    expect(runs).toContain('install --frozen-lockfile');
    expect(runs).toContain('--filter @spark-control/server build');
    expect(runs).toContain('--filter @spark-control/ui build');
    expect(runs).toMatch(/--filter @spark-control\/server deploy --prod/);
    expect(args(runtime, 'RUN').join('\n')).not.toMatch(/npm|pnpm|yarn/);
  });

  it('copies every workspace manifest the frozen install needs', () => {
    const copies = args(build, 'COPY').join('\n');
    const workspaces = [
      ...readdirSync(join(repoRoot, 'packages')).map((name) => `packages/${name}`),
      'startos',
    ];
    for (const workspace of workspaces) {
      if (existsSync(join(repoRoot, workspace, 'package.json')))
        expect(copies).toContain(`${workspace}/package.json`);
    }
    for (const file of [
      'package.json',
      'pnpm-lock.yaml',
      'pnpm-workspace.yaml',
      '.npmrc',
      'tsconfig.base.json',
    ]) {
      expect(copies).toContain(file);
      expect(existsSync(join(repoRoot, file))).toBe(true);
    }
  });

  it('lays out /app the way the server and main.ts expect', () => {
    const copies = args(runtime, 'COPY');
    expect(copies).toContain('--from=build /out/node_modules ./node_modules');
    expect(copies).toContain('--from=build /out/package.json ./package.json');
    // migrationsFolder() looks in dist/../drizzle; main.ts runs serverEntrypoint; UI at uiDir.
    expect(copies).toContain('--from=build /src/packages/server/dist ./dist');
    expect(copies).toContain('--from=build /src/packages/server/drizzle ./drizzle');
    expect(copies).toContain('--from=build /src/packages/ui/dist ./ui');
    expect(copies).toContain('prompts ./prompts');
    expect(args(runtime, 'WORKDIR')).toEqual(['/app']);
    expect(serverEntrypoint).toBe('/app/dist/main.js');
    expect(uiDir).toBe('/app/ui');
    expect(args(runtime, 'CMD')).toEqual(['["node", "dist/main.js"]']);
    expect(existsSync(join(repoRoot, 'packages/server/drizzle/meta/_journal.json'))).toBe(true);
    expect(JSON.parse(readFileSync(join(repoRoot, 'packages/server/package.json'), 'utf8'))).toMatchObject({
      scripts: { build: expect.stringContaining('build') as unknown },
    });
  });

  it('runs as a non-root user that owns the data directory', () => {
    expect(args(runtime, 'USER')).toEqual(['node']);
    const user = runtime.findIndex((instruction) => instruction.keyword === 'USER');
    const chown = runtime.findIndex((instruction) => /chown node:node \/data/.test(instruction.args));
    expect(chown).toBeGreaterThan(-1);
    expect(chown).toBeLessThan(user);
    expect(args(runtime, 'VOLUME')).toEqual([dataMountpoint]);
  });

  it('configures the server for StartOS', () => {
    const env = args(runtime, 'ENV').join(' ');
    expect(env).toContain(`PORT=${uiPort}`);
    expect(env).toContain('HOST=0.0.0.0');
    expect(env).toContain(`SPARK_CONTROL_DATA=${dataMountpoint}`);
    expect(env).toContain(`SPARK_CONTROL_SETTINGS=${dataMountpoint}/settings.json`);
    expect(env).toContain(`SPARK_CONTROL_UI_DIR=${uiDir}`);
    expect(args(runtime, 'EXPOSE')).toEqual([String(uiPort)]);
  });

  it('keeps build output, dependencies and secrets out of the build context', () => {
    const ignored = readFileSync(join(repoRoot, '.dockerignore'), 'utf8').split('\n');
    for (const entry of ['.git', '**/node_modules', '**/dist', '.data', '*.s9pk', 'startos/javascript']) {
      expect(ignored).toContain(entry);
    }
    for (const needed of ['packages', 'prompts', 'Dockerfile', 'pnpm-lock.yaml'])
      expect(ignored).not.toContain(needed);
  });
});
