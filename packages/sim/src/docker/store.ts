import { createHash, randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
  openSync,
  closeSync,
} from 'node:fs';
import { join } from 'node:path';
import { endConsumers } from '../memory.js';
import { logIndexFile } from './log-index.js';
import { isAlive, killGroups, spawnDetached } from '../processes.js';

/** What `docker run` was asked for; kept so `start`/`restart` can run it again. */
export interface RunSpec {
  name: string;
  image: string;
  /** argv of the container's main process as docker shows it (`Config.Cmd`). */
  cmd: string[];
  env: string[];
  mounts: { source: string; destination: string; mode: string }[];
  network: string;
  autoRemove: boolean;
  labels: Record<string, string>;
}

/** A simulated container: one JSON file per container in `<stateDir>/containers`. */
export interface ContainerRecord {
  id: string;
  spec: RunSpec;
  createdAt: number;
  startedAt: number;
  finishedAt?: number;
  status: 'created' | 'running' | 'exited';
  exitCode: number;
  /** Process group of the container's main process ("PID 1"). */
  pid: number;
  /** Process groups started with `docker exec -d`. */
  execs: number[];
}

/** How the container's main process is started: argv plus environment, decided by the image. */
export interface MainProcess {
  argv: string[];
  env: NodeJS.ProcessEnv;
}

export class ContainerStore {
  constructor(readonly stateDir: string) {}

  get dir(): string {
    return join(this.stateDir, 'containers');
  }

  recordFile(name: string): string {
    return join(this.dir, `${name}.json`);
  }

  logFile(name: string): string {
    return join(this.dir, `${name}.log`);
  }

  /** The container's private directory (its `/tmp`, working directory, exit-code file). */
  rootDir(name: string): string {
    return join(this.dir, `${name}.root`);
  }

  private lastExitFile(name: string): string {
    return join(this.dir, `${name}.last-exit`);
  }

  /** The exit code of the last container of this name that exited (also after `--rm` removed it). */
  lastExitCode(name: string): number | undefined {
    const record = this.get(name);
    if (record) return record.status === 'running' ? undefined : record.exitCode;
    try {
      return Number(readFileSync(this.lastExitFile(name), 'utf8'));
    } catch {
      return undefined;
    }
  }

  private exitCodeFile(name: string): string {
    return join(this.rootDir(name), '.exit-code');
  }

  write(record: ContainerRecord): void {
    mkdirSync(this.dir, { recursive: true });
    const file = this.recordFile(record.spec.name);
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(record, null, 2));
    renameSync(temporary, file);
  }

  private readRaw(name: string): ContainerRecord | undefined {
    try {
      return JSON.parse(readFileSync(this.recordFile(name), 'utf8')) as ContainerRecord;
    } catch {
      return undefined;
    }
  }

  /** The container by name or id prefix, with its state brought up to date; undefined when it does not exist. */
  get(nameOrId: string): ContainerRecord | undefined {
    const direct = this.readRaw(nameOrId.replace(/^\//, ''));
    const record =
      direct ?? this.listRaw().find((candidate) => nameOrId.length >= 4 && candidate.id.startsWith(nameOrId));
    return record ? this.refresh(record) : undefined;
  }

  private listRaw(): ContainerRecord[] {
    let entries: string[] = [];
    try {
      entries = readdirSync(this.dir);
    } catch {
      return [];
    }
    return entries
      .filter((entry) => entry.endsWith('.json'))
      .map((entry) => this.readRaw(entry.slice(0, -'.json'.length)))
      .filter((record): record is ContainerRecord => record !== undefined);
  }

  /** Every existing container, oldest first. */
  list(): ContainerRecord[] {
    return this.listRaw()
      .map((record) => this.refresh(record))
      .filter((record): record is ContainerRecord => record !== undefined)
      .sort((a, b) => a.createdAt - b.createdAt);
  }

  /** Notices a main process that died: the container exits, and with `--rm` it vanishes. */
  private refresh(record: ContainerRecord): ContainerRecord | undefined {
    if (record.status !== 'running' || isAlive(record.pid)) return record;
    const exited: ContainerRecord = {
      ...record,
      status: 'exited',
      finishedAt: Date.now(),
      exitCode: this.readExitCode(record.spec.name) ?? 137,
    };
    for (const pgid of record.execs) killGroupNow(pgid);
    endConsumers(this.stateDir, { container: record.spec.name });
    if (record.spec.autoRemove) {
      this.remove(record.spec.name);
      // A foreground `docker run --rm` still reports the exit code of a container that is gone.
      writeFileSync(this.lastExitFile(record.spec.name), String(exited.exitCode));
      return undefined;
    }
    this.write(exited);
    return exited;
  }

  private readExitCode(name: string): number | undefined {
    try {
      const code = Number(readFileSync(this.exitCodeFile(name), 'utf8').trim());
      return Number.isInteger(code) ? code : undefined;
    } catch {
      return undefined;
    }
  }

  remove(name: string): void {
    rmSync(this.recordFile(name), { force: true });
    rmSync(this.logFile(name), { force: true });
    rmSync(logIndexFile(this.logFile(name)), { force: true });
    rmSync(this.rootDir(name), { recursive: true, force: true });
  }

  /** Creates and starts a container; the main process writes to the container log. */
  run(spec: RunSpec, main: MainProcess): ContainerRecord {
    const record: ContainerRecord = {
      id: createHash('sha256').update(randomBytes(16)).digest('hex'),
      spec,
      createdAt: Date.now(),
      startedAt: Date.now(),
      status: 'running',
      exitCode: 0,
      pid: 0,
      execs: [],
    };
    rmSync(this.logFile(spec.name), { force: true });
    rmSync(logIndexFile(this.logFile(spec.name)), { force: true });
    rmSync(this.lastExitFile(spec.name), { force: true });
    const started = this.startMain(record, main);
    this.write(started);
    return started;
  }

  /** (Re)starts the main process of an existing container. */
  startMain(record: ContainerRecord, main: MainProcess): ContainerRecord {
    const name = record.spec.name;
    mkdirSync(join(this.rootDir(name), 'tmp'), { recursive: true });
    rmSync(this.exitCodeFile(name), { force: true });
    const log = openSync(this.logFile(name), 'a');
    try {
      // The shell records the exit code so a crash shows up as `Exited (N)` like a real container.
      const pid = spawnDetached(
        this.stateDir,
        '/bin/sh',
        ['-c', '"$@"; echo $? > "$SIM_EXIT_FILE"', 'container-init', ...main.argv],
        {
          cwd: this.rootDir(name),
          env: { ...main.env, SIM_EXIT_FILE: this.exitCodeFile(name) },
          stdio: ['ignore', log, log],
        },
      );
      return {
        ...record,
        pid,
        execs: [],
        status: 'running',
        startedAt: Date.now(),
        finishedAt: undefined,
        exitCode: 0,
      };
    } finally {
      closeSync(log);
    }
  }

  addExec(name: string, pgid: number): void {
    const record = this.readRaw(name);
    if (record) this.write({ ...record, execs: [...record.execs, pgid] });
  }

  /** Stops a container like `docker stop -t`: SIGTERM, SIGKILL after the grace time; `--rm` removes it. */
  async stop(
    name: string,
    graceMs: number,
    options: { keep?: boolean } = {},
  ): Promise<ContainerRecord | undefined> {
    const record = this.get(name);
    if (!record) return undefined;
    if (record.status === 'running') {
      await killGroups([...record.execs, record.pid], graceMs);
    }
    endConsumers(this.stateDir, { container: record.spec.name });
    const stopped: ContainerRecord = {
      ...record,
      status: 'exited',
      execs: [],
      finishedAt: record.status === 'running' ? Date.now() : record.finishedAt,
      exitCode:
        record.status === 'running'
          ? (this.readExitCode(name) ?? (graceMs > 0 ? 143 : 137))
          : record.exitCode,
    };
    if (record.spec.autoRemove && !options.keep) this.remove(record.spec.name);
    else this.write(stopped);
    return stopped;
  }

  /** Kills the processes started with `docker exec` (vLLM crashing while the container lives on). */
  async killExecs(name: string): Promise<number> {
    const record = this.get(name);
    if (!record) return 0;
    await killGroups(record.execs, 0);
    this.write({ ...record, execs: [] });
    return record.execs.length;
  }

  exists(name: string): boolean {
    return existsSync(this.recordFile(name));
  }
}

function killGroupNow(pgid: number): void {
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** Docker's `HumanDuration` (go-units), used in `Up 2 hours` and `2 hours ago`. */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.floor(seconds / 60);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.round(ms / 3_600_000);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.floor(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.floor(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24 / 30)} months`;
  return `${Math.floor(hours / 24 / 365)} years`;
}
