import { randomUUID } from 'node:crypto';
import type {
  ScheduleBody,
  ScheduleRun,
  ScheduleTimeline,
  ScheduleView,
  TimelineEntry,
} from '@spark-control/schema';
import type { CatalogStore } from '../catalog/catalog-store.js';
import type { PlacementDirectory } from '../placements/placement-directory.js';
import { DomainError } from '../domain-error.js';
import type { ScheduleRepo } from './schedule-repo.js';
import { resolveTimeZone, windowsOverlap, windowsStartingIn } from './zoned-time.js';
import type { SettingsSource } from '../settings-source.js';

const HOUR_MS = 60 * 60 * 1000;

/** What a scheduled swap would disturb: a model held on a placement, and why. */
export interface ScheduleBlock {
  reason: string;
}

/** A hold on a placement, drawn on the timeline next to the planned swaps. */
export interface PlacementHold {
  from: Date;
  until: Date;
  modelId: string;
  placement: string;
  holder: string;
}

/**
 * The port through which other parts of the server may hold a placement against schedules (leases, item
 * 1 of issue 15, plug in here). `isBlocked` is asked at each window start before anything is swapped: a
 * non-null answer skips that start and its `reason` is stored with the run. `holds` lists the holds
 * between two instants for the timeline. compose.ts wires the leases (services/leases/schedule-port.ts).
 */
export interface SchedulePort {
  isBlocked(target: { modelId: string; placement: string }, at: Date): Promise<ScheduleBlock | null>;
  holds(from: Date, to: Date): Promise<PlacementHold[]>;
}

export interface ScheduleServiceDeps {
  repo: ScheduleRepo;
  catalog: Pick<CatalogStore, 'get'>;
  placements: Pick<PlacementDirectory, 'choose'>;
  settings: SettingsSource;
  port: SchedulePort;
  now: () => Date;
}

/** Time-of-day swap profiles: validated CRUD and the timeline of the next hours. */
export class ScheduleService {
  constructor(private readonly deps: ScheduleServiceDeps) {}

  get timeZone(): string {
    return resolveTimeZone(this.deps.settings.current.timeZone);
  }

  async list(): Promise<{ timeZone: string; schedules: ScheduleView[]; runs: ScheduleRun[] }> {
    const [stored, lastRuns, runs] = await Promise.all([
      this.deps.repo.list(),
      this.deps.repo.lastRuns(),
      this.deps.repo.recentRuns(20),
    ]);
    return {
      timeZone: this.timeZone,
      schedules: stored.map((schedule) => ({ ...schedule, lastRun: lastRuns.get(schedule.id) ?? null })),
      runs,
    };
  }

  async create(input: ScheduleBody): Promise<ScheduleView> {
    const body = this.#placed(input);
    await this.#check(body, undefined);
    const schedule = { ...body, id: randomUUID(), createdAt: this.deps.now().toISOString() };
    await this.deps.repo.insert(schedule);
    return { ...schedule, lastRun: null };
  }

  async update(id: string, input: ScheduleBody): Promise<ScheduleView> {
    const existing = (await this.deps.repo.list()).find((schedule) => schedule.id === id);
    if (!existing) throw new DomainError('NOT_FOUND', `schedule ${id} does not exist`);
    const body = this.#placed(input);
    await this.#check(body, id);
    await this.deps.repo.update(id, body);
    const lastRun = (await this.deps.repo.lastRuns()).get(id) ?? null;
    return { ...existing, ...body, lastRun };
  }

  async remove(id: string): Promise<void> {
    if (!(await this.deps.repo.remove(id)))
      throw new DomainError('NOT_FOUND', `schedule ${id} does not exist`);
  }

  /** The planned swaps (window starts of enabled schedules) and the holds in the next `hours`. */
  async timeline(hours: number): Promise<ScheduleTimeline> {
    const timeZone = this.timeZone;
    const from = this.deps.now();
    const to = new Date(from.getTime() + hours * HOUR_MS);
    const entries: TimelineEntry[] = [];
    for (const schedule of await this.deps.repo.list()) {
      if (!schedule.enabled) continue;
      // Starting just before now, so a window starting this very millisecond is on it.
      for (const window of windowsStartingIn(schedule, from.getTime() - 1, to.getTime(), timeZone)) {
        entries.push({
          kind: 'swap',
          at: new Date(window.start).toISOString(),
          until: new Date(window.end).toISOString(),
          scheduleId: schedule.id,
          modelId: schedule.modelId,
          placement: schedule.placement,
        });
      }
    }
    for (const hold of await this.deps.port.holds(from, to)) {
      entries.push({
        kind: 'lease',
        from: hold.from.toISOString(),
        until: hold.until.toISOString(),
        modelId: hold.modelId,
        placement: hold.placement,
        holder: hold.holder,
      });
    }
    const startOf = (entry: TimelineEntry) => (entry.kind === 'swap' ? entry.at : entry.from);
    entries.sort((a, b) => startOf(a).localeCompare(startOf(b)));
    return { timeZone, from: from.toISOString(), to: to.toISOString(), entries };
  }

  /** The body with its placement resolved: the one named, or the only one that may serve the model. */
  #placed(body: ScheduleBody): ScheduleBody & { placement: string } {
    const model = this.deps.catalog.get(body.modelId);
    if (!model) throw new DomainError('VALIDATION_FAILED', `modelId: ${body.modelId} is not in the catalog`);
    const placement = this.deps.placements.choose(model, body.placement, 'placement');
    return { ...body, placement: placement.id };
  }

  async #check(body: ScheduleBody & { placement: string }, id: string | undefined): Promise<void> {
    const clash = (await this.deps.repo.list()).find(
      (other) => other.id !== id && other.placement === body.placement && windowsOverlap(other, body),
    );
    if (clash) {
      throw new DomainError(
        'CONFLICT',
        `start: ${body.start}–${body.end} overlaps schedule ${clash.id} (${clash.start}–${clash.end} ${clash.modelId}) on ${body.placement}`,
      );
    }
  }
}
