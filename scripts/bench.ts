// `make bench`: runs every benchmark in packages/server/bench and writes docs/BENCHMARKS.md.
// Each benchmark is a script that prints one markdown section to stdout. What a run's numbers cannot say (what
// changed between rounds, side-by-side comparisons, where the time goes) is written by hand in the script's
// `<name>.notes.md` beside it, and follows its section, so a new run keeps it.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, type as osType, release } from 'node:os';
import { join, resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '..');
// Names select benchmarks; `--` flags are passed on to each (`--no-heldout`: redaction-quality leaves the held-out set unread).
const only = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const flags = process.argv.slice(2).filter((arg) => arg.startsWith('--'));
// Each top-level `.ts` file in a package's `bench/` is one benchmark; modules they share live in subfolders
// (`bench/gateway/`), where this does not look.
const scripts = ['packages/server', 'packages/ui'].flatMap((pkg) =>
  readdirSync(join(repo, pkg, 'bench'))
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .filter((file) => only.length === 0 || only.some((name) => file.startsWith(name)))
    .sort()
    .map((file) => ({ pkg, file })),
);

const sections: string[] = [];
for (const { pkg, file } of scripts) {
  console.log(`Running ${pkg}/bench/${file}…`);
  const output = execFileSync(
    process.execPath,
    ['--import', 'tsx', join(repo, pkg, 'bench', file), ...flags],
    {
      cwd: join(repo, pkg),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  const notes = join(repo, pkg, 'bench', file.replace(/\.ts$/, '.notes.md'));
  sections.push(
    existsSync(notes) ? `${output.trim()}\n\n${readFileSync(notes, 'utf8').trim()}` : output.trim(),
  );
}

if (only.length > 0 || flags.length > 0) {
  // A partial run prints its sections and leaves docs/BENCHMARKS.md as the last full run wrote it.
  console.log(sections.join('\n\n'));
  process.exit(0);
}

const cpu = cpus();
const machine = `${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB, ${osType()} ${release()}, Node ${process.version}`;
writeFileSync(
  join(repo, 'docs/BENCHMARKS.md'),
  [
    '# Benchmarks',
    '',
    'Written by `make bench`; numbers from one run on the machine below. These are measurements, not tests:',
    'shared machines are noisy, so compare runs on the same machine.',
    '',
    `Machine: ${machine}. Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
    '',
    ...sections.flatMap((section) => [section, '']),
  ].join('\n'),
);
console.log('Wrote docs/BENCHMARKS.md');
