import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../../adapters/logger.js';
import { defaultPromptsDir, parseTaskFile, type ReasoningTask, type TaskSource } from './tasks.js';

export interface TaskStoreOptions {
  /** The prompts that ship with the program (the image's prompts/); the repository's by default. */
  bundledDir?: string | undefined;
  /** The owner's prompts on the data volume (`<data>/prompts`): a file here replaces the bundled one of the same name. */
  ownerDir?: string | undefined;
  log?: Logger | undefined;
}

interface TaskFile {
  name: string;
  dir: string;
  source: TaskSource;
}

/**
 * The reasoning tasks: the bundled prompts with the owner's directory laid over them, by file name.
 * A bad file is skipped with a warning, as a bad catalog entry is, so one typo never stops the server
 * or the other tasks; a bad owner file leaves the bundled task of that name in force. `watch` polls
 * both directories and reloads when a file is added, changed or removed.
 */
export class TaskStore {
  readonly bundledDir: string;
  readonly ownerDir: string | undefined;
  readonly #log: Logger | undefined;
  #current: ReadonlyMap<string, ReasoningTask> = new Map();
  #warnings: string[] = [];
  #signature = '';
  #timer: NodeJS.Timeout | undefined;
  #checking: Promise<void> = Promise.resolve();

  constructor(options: TaskStoreOptions = {}) {
    this.bundledDir = options.bundledDir ?? defaultPromptsDir();
    this.ownerDir = options.ownerDir;
    this.#log = options.log;
  }

  /** A store with its tasks read once. */
  static async open(options: TaskStoreOptions = {}): Promise<TaskStore> {
    const store = new TaskStore(options);
    await store.load();
    return store;
  }

  /** The tasks in force, by id; replaced as a whole on reload, so a running call keeps its task. */
  get current(): ReadonlyMap<string, ReasoningTask> {
    return this.#current;
  }

  /** Why files were skipped at the last load (file name and every problem). */
  get warnings(): readonly string[] {
    return this.#warnings;
  }

  /** Reads both directories and replaces the tasks in force. */
  async load(): Promise<void> {
    const { files, unreadable, signature } = await this.#scan();
    const tasks = new Map<string, ReasoningTask>();
    // No owner directory is the usual case; an unreadable bundled one is a packaging fault.
    const warnings = unreadable.map((dir) => `${dir}: the prompts directory cannot be read`);
    // Bundled first: an owner file of the same name replaces it only when it parses.
    for (const file of files) {
      const path = join(file.dir, file.name);
      try {
        const task = parseTaskFile(path, await readFile(path, 'utf8'), file.source);
        tasks.set(task.id, task);
      } catch (error) {
        // The parser's message starts with the file name.
        const kept = file.source === 'owner' && tasks.has(file.name.replace(/\.md$/, ''));
        warnings.push(
          `${file.dir}/${(error as Error).message}${kept ? ' (the bundled task of that name stays in force)' : ''}`,
        );
      }
    }
    this.#current = tasks;
    this.#warnings = warnings;
    this.#signature = signature;
    for (const warning of warnings) this.#log?.warn({ warning }, 'reasoning task skipped');
  }

  /** Polls both directories every `intervalMs` and reloads when anything in them changed. */
  watch(intervalMs = 1000): void {
    if (this.#timer) return;
    this.#timer = setInterval(() => {
      this.#checking = this.#checking
        .then(() => this.#reloadIfChanged())
        .catch((error: unknown) => this.#log?.error({ err: error }, 'reasoning tasks reload failed'));
    }, intervalMs);
    this.#timer.unref();
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  async #reloadIfChanged(): Promise<void> {
    const { signature } = await this.#scan();
    if (signature === this.#signature) return;
    await this.load();
    this.#log?.info(
      { tasks: [...this.#current.values()].map((task) => `${task.id} (${task.source})`) },
      'reasoning tasks reloaded',
    );
  }

  /** The `*.md` files of both directories, bundled first, and a signature of their names, sizes and times. */
  async #scan(): Promise<{ files: TaskFile[]; unreadable: string[]; signature: string }> {
    const files: TaskFile[] = [];
    const unreadable: string[] = [];
    const parts: string[] = [];
    const layers: [TaskSource, string | undefined][] = [
      ['bundled', this.bundledDir],
      ['owner', this.ownerDir],
    ];
    for (const [source, dir] of layers) {
      if (dir === undefined) continue;
      let names: string[];
      try {
        names = (await readdir(dir)).filter((name) => name.endsWith('.md')).sort();
      } catch {
        if (source === 'bundled') unreadable.push(dir);
        parts.push(`${source}:none`);
        continue;
      }
      for (const name of names) {
        const info = await stat(join(dir, name)).catch(() => undefined);
        if (!info?.isFile()) continue;
        files.push({ name, dir, source });
        parts.push(`${source}:${name}:${info.size}:${info.mtimeMs}`);
      }
    }
    return { files, unreadable, signature: parts.join('\n') };
  }
}
