import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = new URL('.', import.meta.url).pathname;

/** Production source files under `dir` (tests and test helpers left out: a harness mounts routes on purpose). */
function sources(dir: string): string[] {
  return readdirSync(join(SRC, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !/\.test(-d)?\.ts$/.test(file))
    .filter((file) => !/(^|\/)testing(\/|\.ts$)/.test(file))
    .map((file) => join(dir, file));
}

const IMPORT = /(?:import|export)\s[^;]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g;

function imports(file: string): string[] {
  const text = readFileSync(join(SRC, file), 'utf8');
  return [...text.matchAll(IMPORT)].map((match) => match[1] ?? match[2] ?? '');
}

/** The imports of `file` that resolve into one of `layers` (top-level folders of src). */
function into(file: string, layers: string[]): string[] {
  return imports(file).filter((target) => {
    if (!target.startsWith('.')) return false;
    const resolved = relative(SRC, join(SRC, file, '..', target));
    return layers.some((layer) => resolved === layer || resolved.startsWith(`${layer}/`));
  });
}

describe('layers', () => {
  it('no service imports the HTTP layer or a route', () => {
    const offenders = sources('services').flatMap((file) =>
      into(file, ['http', 'routes']).map((target) => `${file} → ${target}`),
    );
    expect(offenders).toEqual([]);
  });

  it('no route builds upstream requests (no fetch, no undici, no node:http client)', () => {
    const CLIENTS = /^import (?!type )[^;]*from '(?:undici|node:https?)';$/m;
    const offenders = sources('routes').filter((file) => {
      const text = readFileSync(join(SRC, file), 'utf8');
      return /\bfetch\s*\(/.test(text) || CLIENTS.test(text);
    });
    expect(offenders).toEqual([]);
  });
});
