import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ExtendedVersion, VersionRange } from '@start9labs/start-sdk';
import { describe, expect, it } from 'vitest';
import { fakeEffects, loadBundle } from './support/bundle.js';
import { bundleRequest, repoRoot, startosDir } from './support/paths.js';

const bundle = loadBundle();

describe('the bundle StartOS loads', () => {
  it('prints the manifest the way start-cli reads it: node -e require(<Makefile path>/javascript/index.js) from the repository root', () => {
    const printed = execFileSync(
      'node',
      ['-e', `console.log(JSON.stringify(require('${bundleRequest()}').manifest))`],
      { cwd: repoRoot, encoding: 'utf8' },
    );
    const manifest = JSON.parse(printed) as { id: string; version: string };
    expect(manifest.id).toBe('spark-control');
    expect(manifest.version).toMatch(/^\d+\.\d+\.\d+(-[0-9A-Za-z.]+)?:\d+$/);
  });

  it('declares the image built from the root Dockerfile for x86_64 and aarch64, and the main volume', () => {
    const { images, volumes } = bundle.manifest;
    expect(Object.keys(images)).toEqual(['main']);
    expect(images.main?.source).toEqual({ dockerBuild: { workdir: '.', dockerfile: 'Dockerfile' } });
    expect([...(images.main?.arch ?? [])].sort()).toEqual(['aarch64', 'x86_64']);
    expect(existsSync(join(repoRoot, 'Dockerfile'))).toBe(true);
    expect(volumes).toEqual(['main']);
  });

  it('keeps the store descriptions within StartOS limits and has release notes', () => {
    for (const text of Object.values(bundle.manifest.description.short))
      expect(text.length).toBeLessThanOrEqual(80);
    for (const text of Object.values(bundle.manifest.description.long))
      expect(text.length).toBeLessThanOrEqual(500);
    expect(bundle.manifest.releaseNotes.en_US).toContain('Configure Sparks');
  });

  it('names the package id on the one line s9pk.mk reads it from', () => {
    const source = readFileSync(join(startosDir, 'manifest/index.ts'), 'utf8');
    expect(source.split('\n').filter((line) => line.includes('id:'))).toEqual(["  id: 'spark-control',"]);
    const awk = execFileSync('awk', ['-F', "'", '/id:/ {print $2}', 'startos/manifest/index.ts'], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    expect(awk.trim()).toBe('spark-control');
  });

  it('ships the icon, license, instructions and assets/ start-cli packs from startos/', () => {
    expect(readFileSync(join(startosDir, 'icon.svg'), 'utf8')).toMatch(/^<svg /);
    const tracked = execFileSync('git', ['ls-files', 'startos/assets'], { cwd: repoRoot, encoding: 'utf8' });
    expect(tracked.trim()).not.toBe('');
    expect(readFileSync(join(startosDir, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
    expect(readFileSync(join(startosDir, 'instructions.md'), 'utf8')).toContain('Configure Sparks');
  });

  it('exports the entry points StartOS calls', () => {
    for (const name of ['main', 'init', 'uninit', 'createBackup', 'actions'] as const) {
      expect(bundle[name]).toBeDefined();
    }
  });

  it('follows the earlier Spark Control package (versions up to 0.24.0:0) and can be updated to from it', () => {
    const version = ExtendedVersion.parse(bundle.manifest.version);
    expect(version.compareForSort(ExtendedVersion.parse('0.24.0:0'))).toBe(1);
    const from = VersionRange.parse(bundle.manifest.canMigrateFrom);
    for (const earlier of ['0.1.0:0', '0.24.0:0'])
      expect(ExtendedVersion.parse(earlier).satisfies(from)).toBe(true);
    for (const language of ['en_US', 'es_ES', 'de_DE'])
      expect(bundle.manifest.releaseNotes[language]).toMatch(
        /Import Earlier|Importar ajustes|Frühere Einstellungen/,
      );
  });

  it('offers the owner-facing actions', async () => {
    expect(Object.keys(bundle.actions.actions).sort()).toEqual([
      'configure-sparks',
      'create-api-token',
      'import-earlier-settings',
      'reset-admin-password',
      'show-admin-password',
    ]);
    const metadata = await bundle.actions.get('configure-sparks')?.exportMetadata({ effects: fakeEffects() });
    expect(metadata).toMatchObject({ name: 'Configure Sparks', hasInput: true, allowedStatuses: 'any' });
  });

  it('keeps the Configure Sparks form stable', async () => {
    const input = await bundle.actions
      .get('configure-sparks')
      ?.getInput({ effects: fakeEffects(), prefill: null });
    expect(input?.spec).toMatchSnapshot();
  });

  it('keeps the Reset Admin Password form stable', async () => {
    const input = await bundle.actions
      .get('reset-admin-password')
      ?.getInput({ effects: fakeEffects(), prefill: null });
    expect(input?.spec).toMatchSnapshot();
  });
});
