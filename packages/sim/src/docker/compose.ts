import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import type { SparkContext } from '../layout.js';
import type { Io } from './args.js';
import { mainProcessFor } from './images.js';
import { type ContainerStore, type RunSpec } from './store.js';
import { psObject } from './format.js';

interface ComposeService {
  service: string;
  image: string;
  containerName: string;
  command: string[];
  environment: string[];
}

/**
 * Reads the `services:` block of a compose file: per service `image`, `build`, `container_name`,
 * `command` (a string or a flow list) and `environment` (a list). Anything else is ignored.
 */
function readComposeFile(file: string): { project: string; services: ComposeService[] } {
  const project = basename(dirname(file))
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, '');
  const lines = readFileSync(file, 'utf8').split('\n');
  const services: ComposeService[] = [];
  let inServices = false;
  let current: (ComposeService & { hasBuild: boolean; hasImage: boolean }) | undefined;
  let listKey: string | undefined;
  const finish = () => {
    if (!current) return;
    if (!current.hasImage) current.image = `${project}-${current.service}`;
    services.push(current);
  };
  for (const raw of lines) {
    const line = raw.replace(/\s+#.*$/, '');
    if (line.trim() === '') continue;
    const indent = line.length - line.trimStart().length;
    const text = line.trim();
    if (indent === 0) {
      finish();
      current = undefined;
      inServices = text === 'services:';
      continue;
    }
    if (!inServices) continue;
    const serviceMatch = /^([A-Za-z0-9_.-]+):\s*$/.exec(text);
    if (indent === 2 && serviceMatch?.[1]) {
      finish();
      const service = serviceMatch[1];
      current = {
        service,
        image: '',
        containerName: `${project}-${service}-1`,
        command: [],
        environment: [],
        hasBuild: false,
        hasImage: false,
      };
      listKey = undefined;
      continue;
    }
    if (!current) continue;
    const keyMatch = /^([A-Za-z_]+):\s*(.*)$/.exec(text);
    if (indent === 4 && keyMatch) {
      const [, key = '', value = ''] = keyMatch;
      const unquoted = value.replace(/^["']|["']$/g, '');
      listKey = value === '' ? key : undefined;
      if (key === 'image') {
        current.image = unquoted;
        current.hasImage = true;
      } else if (key === 'container_name') current.containerName = unquoted;
      else if (key === 'build') current.hasBuild = true;
      else if (key === 'command') {
        current.command = value.startsWith('[') ? flowList(value) : unquoted.split(/\s+/).filter(Boolean);
      }
      continue;
    }
    if (listKey === 'environment' && text.startsWith('- '))
      current.environment.push(text.slice(2).replace(/^["']|["']$/g, ''));
    else if (listKey === 'command' && text.startsWith('- '))
      current.command.push(text.slice(2).replace(/^["']|["']$/g, ''));
  }
  finish();
  return { project, services };
}

const COMPOSE_FILES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];

/** A flow list such as `["sh", "-c", "a, b"]`: JSON when it is, else split at commas. */
function flowList(value: string): string[] {
  try {
    const parsed = JSON.parse(value) as unknown;
    if (Array.isArray(parsed)) return parsed.map(String);
  } catch {
    // single-quoted or bare items
  }
  return value
    .slice(1, -1)
    .split(',')
    .map((part) => part.trim().replace(/^["']|["']$/g, ''));
}

/** `docker compose [-f F] up -d [--build] | ps [--format json] | down`, for a bot container. */
export async function composeCommand(
  context: SparkContext,
  store: ContainerStore,
  args: string[],
  io: Io,
): Promise<number> {
  let file: string | undefined;
  const rest: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? '';
    if (arg === '-f' || arg === '--file') file = args[++index];
    else rest.push(arg);
  }
  // Without -f, compose looks for its file in the working directory.
  file ??= COMPOSE_FILES.map((name) => join(process.cwd(), name)).find((candidate) => existsSync(candidate));
  if (!file) {
    io.err('no configuration file provided: not found\n');
    return 14;
  }
  if (!isAbsolute(file)) file = join(process.cwd(), file);
  let compose: ReturnType<typeof readComposeFile>;
  try {
    compose = readComposeFile(file);
  } catch {
    io.err(`open ${file}: no such file or directory\n`);
    return 14;
  }
  const [action, ...options] = rest;
  const labels = (service: ComposeService) => ({
    'com.docker.compose.project': compose.project,
    'com.docker.compose.service': service.service,
  });
  if (action === 'up') {
    for (const service of compose.services) {
      if (options.includes('--build')) {
        io.err(` Service ${service.service}  Building\n`);
        io.err(` Service ${service.service}  Built\n`);
      }
      const existing = store.get(service.containerName);
      if (
        existing?.status === 'running' &&
        !options.includes('--build') &&
        !options.includes('--force-recreate')
      ) {
        io.err(` Container ${service.containerName}  Running\n`);
        continue;
      }
      if (existing) {
        io.err(` Container ${service.containerName}  Recreate\n`);
        await store.stop(service.containerName, 10_000, { keep: true });
        store.remove(service.containerName);
        io.err(` Container ${service.containerName}  Recreated\n`);
      } else {
        io.err(` Container ${service.containerName}  Creating\n`);
        io.err(` Container ${service.containerName}  Created\n`);
      }
      io.err(` Container ${service.containerName}  Starting\n`);
      const spec: RunSpec = {
        name: service.containerName,
        image: service.image,
        cmd: service.command,
        env: service.environment,
        mounts: [],
        network: `${compose.project}_default`,
        autoRemove: false,
        labels: labels(service),
      };
      store.run(spec, mainProcessFor(context, spec));
      io.err(` Container ${service.containerName}  Started\n`);
    }
    return 0;
  }
  if (action === 'ps') {
    for (const service of compose.services) {
      const record = store.get(service.containerName);
      if (!record || (record.status !== 'running' && !options.includes('-a'))) continue;
      const ps = psObject(record);
      io.out(
        `${JSON.stringify({
          Command: ps.Command,
          CreatedAt: ps.CreatedAt,
          ExitCode: record.exitCode,
          Health: '',
          ID: ps.ID,
          Image: ps.Image,
          Labels: ps.Labels,
          Name: service.containerName,
          Names: service.containerName,
          Project: compose.project,
          Publishers: [],
          RunningFor: ps.RunningFor,
          Service: service.service,
          State: ps.State,
          Status: ps.Status,
        })}\n`,
      );
    }
    return 0;
  }
  if (action === 'down') {
    for (const service of compose.services) {
      if (!store.get(service.containerName)) continue;
      io.err(` Container ${service.containerName}  Stopping\n`);
      await store.stop(service.containerName, 10_000, { keep: true });
      store.remove(service.containerName);
      io.err(` Container ${service.containerName}  Removed\n`);
    }
    return 0;
  }
  io.err(`unknown docker command: "compose ${action ?? ''}"\n`);
  return 1;
}
