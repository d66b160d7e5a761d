#!/usr/bin/env node
// A stand-in for `start-cli s9pk list-ingredients|pack|inspect`, following start-cli's own rules
// (Start9Labs/start-technologies 1208de2, shared-libs/crates/start-core/src/s9pk/v2/pack.rs and
// context/cli.rs): the package path is joined as given and handed to `node -e "require('…')"`,
// so a bare `startos` fails exactly as node fails; icon, LICENSE, instructions.md and assets/ are
// found under that path; the signing key is `.startos/build-key` found walking up from the working
// directory; images are built with `docker buildx build`. It stops after the docker build: the
// file it writes is JSON (manifest plus file list), not a real .s9pk. Messages whose real wording
// is not known start with "start-cli (test stand-in)".
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { appendFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, parse } from 'node:path';

const log = process.env.FAKE_TOOLS_LOG;
if (log) appendFileSync(log, `start-cli ${process.argv.slice(2).join(' ')}\n`);

function fail(message) {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/** Rust's Path::join: an absolute part replaces the base; otherwise one separator between. */
function rustJoin(base, part) {
  if (part.startsWith('/')) return part;
  return base.endsWith('/') ? `${base}${part}` : `${base}/${part}`;
}

function parseArgs(argv) {
  const options = { path: undefined, arch: [], noAssets: false };
  const valued = { '-o': 'output', '--output': 'output', '--javascript': 'javascript', '--icon': 'icon' };
  Object.assign(valued, { '--license': 'license', '--instructions': 'instructions', '--assets': 'assets' });
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s) : [arg, undefined];
    if (flag === '--arch') options.arch.push(inline ?? argv[++index]);
    else if (flag === '--no-assets') options.noAssets = true;
    else if (valued[flag]) options[valued[flag]] = inline ?? argv[++index];
    else if (options.path === undefined && !arg.startsWith('-')) options.path = arg;
    else fail(`start-cli (test stand-in): unexpected argument '${arg}'`);
  }
  return options;
}

const packagePath = (options) => options.path ?? '.';
const javascriptDir = (options) => options.javascript ?? rustJoin(packagePath(options), 'javascript');
const assetsDir = (options) => options.assets ?? rustJoin(packagePath(options), 'assets');

/** The one file in the package directory whose stem is `stem` (case-insensitive), as start-cli finds icon and LICENSE. */
function findByStem(options, stem, flag) {
  if (options[flag]) return options[flag];
  const matches = readdirSync(packagePath(options)).filter((name) => parse(name).name.toLowerCase() === stem);
  if (matches.length === 0) fail(`${stem} not found`);
  if (matches.length > 1) {
    fail(`multiple ${stem}s found in working directory, please specify which to use with \`--${flag}\``);
  }
  return rustJoin(packagePath(options), matches[0]);
}

function instructions(options) {
  if (options.instructions) return options.instructions;
  const candidate = rustJoin(packagePath(options), 'instructions.md');
  if (!existsSync(candidate)) {
    fail('instructions.md not found at the package root - it is a required file alongside README.md');
  }
  return candidate;
}

/** What start-cli runs to read the manifest: node, in the current directory, on the path as given. */
function loadManifest(indexJs) {
  const script = `console.log(JSON.stringify(require('${indexJs}').manifest))`;
  const result = spawnSync('node', ['-e', script], { encoding: 'utf8' });
  if (result.status !== 0) return { error: result.stderr.trim() || `node exited with ${result.status}` };
  return { manifest: JSON.parse(result.stdout) };
}

function imageIngredients(manifest) {
  return Object.values(manifest.images ?? {}).flatMap((image) => {
    const build = image.source?.dockerBuild;
    if (!build) return [];
    return [build.dockerfile ?? rustJoin(build.workdir ?? '.', 'Dockerfile')];
  });
}

function listIngredients(options) {
  const indexJs = rustJoin(javascriptDir(options), 'index.js');
  const loaded = loadManifest(indexJs);
  const base = [indexJs, findByStem(options, 'icon', 'icon'), findByStem(options, 'license', 'license')];
  base.push(instructions(options));
  if (loaded.error) {
    process.stderr.write(`WARN failed to load manifest: ${loaded.error}\n`);
    return base;
  }
  return [...base, ...(options.noAssets ? [] : [assetsDir(options)]), ...imageIngredients(loaded.manifest)];
}

function findBuildKey() {
  for (let dir = process.cwd(); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.startos', 'build-key'))) return join(dir, '.startos', 'build-key');
    if (dir === dirname(dir)) return undefined;
  }
}

function dockerBuild(manifest, arch) {
  const platform = arch === 'x86_64' ? 'linux/amd64' : arch === 'aarch64' ? 'linux/arm64' : `linux/${arch}`;
  for (const [imageId, image] of Object.entries(manifest.images ?? {})) {
    if (!image.arch.includes(arch)) continue;
    const build = image.source?.dockerBuild;
    if (!build) continue;
    const workdir = build.workdir ?? '.';
    const dockerfile = build.dockerfile ?? rustJoin(workdir, 'Dockerfile');
    const tag = `start9/${manifest.id}/${imageId}:${randomUUID()}`;
    const args = ['buildx', 'build', workdir, '-f', dockerfile, '-t', tag, `--platform=${platform}`];
    args.push('--build-arg', `ARCH=${arch}`, '-o', 'type=docker,dest=-');
    const result = spawnSync('docker', args, { stdio: ['ignore', 'ignore', 'inherit'] });
    if (result.status !== 0)
      fail(`start-cli (test stand-in): docker buildx build exited with ${result.status}`);
  }
}

function pack(options) {
  const indexJs = rustJoin(javascriptDir(options), 'index.js');
  const loaded = loadManifest(indexJs);
  if (loaded.error) fail(loaded.error);
  const manifest = loaded.manifest;
  const files = ['manifest.json'];
  const icon = findByStem(options, 'icon', 'icon');
  files.push(`icon${parse(icon).ext}`, 'LICENSE.md');
  findByStem(options, 'license', 'license');
  instructions(options);
  files.push('instructions.md');
  if (!existsSync(javascriptDir(options)))
    fail(`start-cli (test stand-in): ${javascriptDir(options)} is missing`);
  files.push('javascript.squashfs');
  if (!findBuildKey()) fail('Not inside a packaging workspace. Run `start-cli s9pk init-workspace` first.');
  const arches =
    options.arch.length > 0 ? options.arch.filter((arch) => manifest.images.main.arch.includes(arch)) : [];
  if (options.arch.length > 0 && arches.length === 0) {
    fail(
      `none of the requested architectures (${JSON.stringify(options.arch)}) are supported by this package`,
    );
  }
  const targets =
    arches.length > 0 ? arches : [...new Set(Object.values(manifest.images).flatMap((i) => i.arch))];
  for (const image of Object.values(manifest.images))
    image.arch = image.arch.filter((a) => targets.includes(a));
  manifest.hardwareRequirements = { ...manifest.hardwareRequirements, arch: targets };
  if (!options.noAssets) {
    const assets = assetsDir(options);
    if (!existsSync(assets) || !statSync(assets).isDirectory()) {
      fail(`start-cli (test stand-in): ${assets} is not a directory`);
    }
    files.push('assets.squashfs');
  }
  for (const arch of targets) dockerBuild(manifest, arch);
  const output = options.output ?? rustJoin(packagePath(options), `${manifest.id}.s9pk`);
  writeFileSync(output, JSON.stringify({ standIn: 'not a real s9pk', manifest, files }));
}

function inspect(file, what) {
  const packed = JSON.parse(readFileSync(file, 'utf8'));
  if (what === 'manifest') console.log(JSON.stringify(packed.manifest));
  else if (what === 'file-tree') console.log(packed.files.join('\n'));
  else fail(`start-cli (test stand-in): inspect ${what} is not imitated`);
}

const [group, command, ...rest] = process.argv.slice(2);
if (group !== 's9pk') fail(`start-cli (test stand-in): only "s9pk" commands are imitated, not "${group}"`);
if (command === 'list-ingredients') console.log(listIngredients(parseArgs(rest)).join(' '));
else if (command === 'pack') pack(parseArgs(rest));
else if (command === 'inspect') inspect(rest[0], rest[1]);
else fail(`start-cli (test stand-in): s9pk ${command} is not imitated`);
