import {
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

/** Every mutating call: who did what, when, and how it ended. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: serial('id').primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    target: text('target'),
    outcome: text('outcome').notNull(),
    status: integer('status'),
    requestId: text('request_id'),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
  },
  (table) => [index('audit_log_at_idx').on(table.at)],
);

/**
 * Mutations refused before anyone was identified (a wrong password, no credential): one counted
 * row per route instead of a row per request, so anonymous traffic cannot grow the audit log.
 */
export const auditDenied = pgTable('audit_denied', {
  action: text('action').primaryKey(),
  count: integer('count').notNull(),
  firstAt: timestamp('first_at', { withTimezone: true }).notNull(),
  lastAt: timestamp('last_at', { withTimezone: true }).notNull(),
  lastStatus: integer('last_status').notNull(),
});

/** API tokens, stored only as SHA-256 hashes. */
export const apiTokens = pgTable('api_tokens', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  prefix: text('prefix').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  scopes: text('scopes').array().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  /** Null: the token never expires. */
  expiresAt: timestamp('expires_at', { withTimezone: true }),
  /** Served model names the token may use on the gateway; null: every model. */
  models: text('models').array(),
  /** Gateway limits (`rpm`, `tokensPerDay`); empty: none. */
  limits: jsonb('limits').$type<{ rpm?: number; tokensPerDay?: number }>().notNull().default({}),
});

/** Dashboard sessions, stored only as SHA-256 hashes of the cookie value. */
export const sessions = pgTable('sessions', {
  idHash: text('id_hash').primaryKey(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

/** Redaction vault: one AES-GCM-encrypted token→original mapping per scrub session, expiring. */
export const redactionVault = pgTable(
  'redaction_vault',
  {
    sessionId: text('session_id').primaryKey(),
    /** The principal that scrubbed (`token:<id>`, `session`, `internal:reasoning`); only it may rehydrate. */
    owner: text('owner').notNull().default(''),
    nonce: text('nonce').notNull(),
    iv: text('iv').notNull(),
    ciphertext: text('ciphertext').notNull(),
    authTag: text('auth_tag').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('redaction_vault_expires_at_idx').on(table.expiresAt)],
);

/** Health monitor: one row per service per sweep for the last hour (older rows become minute aggregates). */
export const serviceSamples = pgTable(
  'service_samples',
  {
    id: serial('id').primaryKey(),
    serviceId: text('service_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    status: text('status').notNull(),
    latencyMs: integer('latency_ms'),
  },
  (table) => [index('service_samples_service_at_idx').on(table.serviceId, table.at)],
);

/** Health monitor: per-minute aggregates of older samples, kept 31 days. */
export const serviceSampleMinutes = pgTable(
  'service_sample_minutes',
  {
    serviceId: text('service_id').notNull(),
    minute: timestamp('minute', { withTimezone: true }).notNull(),
    samples: integer('samples').notNull(),
    /** Samples that were up or degraded. */
    available: integer('available').notNull(),
    /** Samples that do not count towards uptime (swapping, disabled, unknown). */
    excluded: integer('excluded').notNull(),
    latencySumMs: integer('latency_sum_ms').notNull(),
    latencyCount: integer('latency_count').notNull(),
    latencyMaxMs: integer('latency_max_ms'),
  },
  (table) => [primaryKey({ columns: [table.serviceId, table.minute] })],
);

/** Health monitor: every status change of a service (the connectivity log). */
export const serviceTransitions = pgTable(
  'service_transitions',
  {
    id: serial('id').primaryKey(),
    serviceId: text('service_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    fromStatus: text('from_status').notNull(),
    toStatus: text('to_status').notNull(),
    detail: text('detail').notNull().default(''),
  },
  (table) => [index('service_transitions_service_at_idx').on(table.serviceId, table.at)],
);

/** Model swaps: the in-flight one (status `running`) and the history. */
export const swaps = pgTable(
  'swaps',
  {
    id: text('id').primaryKey(),
    /** `swap` or `unload` (an idle model stopped, nothing launched). */
    kind: text('kind').notNull().default('swap'),
    modelId: text('model_id').notNull(),
    /** The placement swapped; swaps from before placements were all on the default one. */
    placementId: text('placement_id').notNull().default('vllm'),
    previousModelId: text('previous_model_id'),
    phase: text('phase').notNull(),
    status: text('status').notNull(),
    cause: text('cause'),
    message: text('message'),
    hint: text('hint'),
    preflight: jsonb('preflight')
      .$type<{ check: string; ok: boolean; detail: string }[]>()
      .notNull()
      .default([]),
    progress: doublePrecision('progress').notNull().default(0),
    logTail: jsonb('log_tail').$type<string[]>().notNull().default([]),
    rollback: jsonb('rollback').$type<{ modelId: string; status: string; message: string }>(),
    actor: text('actor').notNull(),
    /** Milliseconds per part of the swap (stop, memoryReleased, launch, weights, warmup, ready, firstToken). */
    timings: jsonb('timings').$type<Record<string, number>>().notNull().default({}),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (table) => [index('swaps_started_at_idx').on(table.startedAt)],
);

/** Reasoning calls: which tier and model answered, how the JSON came out, and why tiers failed. */
export const reasoningRuns = pgTable(
  'reasoning_runs',
  {
    id: text('id').primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    task: text('task').notNull(),
    tier: text('tier'),
    model: text('model'),
    outcome: text('outcome').notNull(),
    finishReason: text('finish_reason'),
    reasked: boolean('reasked').notNull().default(false),
    latencyMs: integer('latency_ms').notNull(),
    attempts: jsonb('attempts').$type<Record<string, unknown>[]>().notNull().default([]),
    error: text('error'),
  },
  (table) => [
    index('reasoning_runs_at_idx').on(table.at),
    index('reasoning_runs_task_model_idx').on(table.task, table.model),
  ],
);

/** Leases: a model held on its placement until `until`; `endedAt` is set when released or expired. */
export const leases = pgTable(
  'leases',
  {
    id: text('id').primaryKey(),
    modelId: text('model_id').notNull(),
    until: timestamp('until', { withTimezone: true }).notNull(),
    note: text('note').notNull().default(''),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    /** `released` or `expired`. */
    endReason: text('end_reason'),
    endedBy: text('ended_by'),
  },
  (table) => [index('leases_ended_at_idx').on(table.endedAt)],
);

const usageColumns = {
  /** The API token's id; '' for the dashboard session. */
  tokenId: text('token_id').notNull(),
  model: text('model').notNull(),
  /** Where the request went: the upstream kind (`vllm` for every LLM placement today). */
  placement: text('placement').notNull(),
  /** `2xx`, `4xx` or `5xx`. */
  statusClass: text('status_class').notNull(),
  requests: integer('requests').notNull(),
  promptTokens: bigint('prompt_tokens', { mode: 'number' }).notNull(),
  completionTokens: bigint('completion_tokens', { mode: 'number' }).notNull(),
  latencySumMs: bigint('latency_sum_ms', { mode: 'number' }).notNull(),
  latencyMaxMs: integer('latency_max_ms').notNull(),
};

/** Gateway usage per key, model, placement and status class: one row a minute, kept 48 hours. */
export const gatewayUsageMinutes = pgTable(
  'gateway_usage_minutes',
  { minute: timestamp('minute', { withTimezone: true }).notNull(), ...usageColumns },
  (table) => [
    primaryKey({
      columns: [table.minute, table.tokenId, table.model, table.placement, table.statusClass],
    }),
  ],
);

/** Older gateway usage folded into one row an hour, kept 31 days. */
export const gatewayUsageHours = pgTable(
  'gateway_usage_hours',
  { hour: timestamp('hour', { withTimezone: true }).notNull(), ...usageColumns },
  (table) => [
    primaryKey({ columns: [table.hour, table.tokenId, table.model, table.placement, table.statusClass] }),
  ],
);

/** Time-of-day swap profiles (docs/swap.md "Schedules"). */
export const schedules = pgTable('schedules', {
  id: text('id').primaryKey(),
  modelId: text('model_id').notNull(),
  placement: text('placement').notNull(),
  /** `HH:MM` in the owner's time zone. */
  start: text('start').notNull(),
  end: text('end').notNull(),
  enabled: boolean('enabled').notNull().default(true),
  note: text('note').notNull().default(''),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** What each window start of a schedule did; one row per schedule and window start. */
export const scheduleRuns = pgTable(
  'schedule_runs',
  {
    scheduleId: text('schedule_id').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    ranAt: timestamp('ran_at', { withTimezone: true }).notNull(),
    outcome: text('outcome').notNull(),
    reason: text('reason'),
    swapId: text('swap_id'),
  },
  (table) => [
    primaryKey({ columns: [table.scheduleId, table.windowStart] }),
    index('schedule_runs_ran_at_idx').on(table.ranAt),
  ],
);

/** Hardware history: one row per Spark per 5 s sample for the last hour (older rows become minutes). */
export const sparkSamples = pgTable(
  'spark_samples',
  {
    id: serial('id').primaryKey(),
    sparkId: text('spark_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    memUsedBytes: doublePrecision('mem_used_bytes'),
    memTotalBytes: doublePrecision('mem_total_bytes'),
    gpuPct: doublePrecision('gpu_pct'),
    temperatureC: doublePrecision('temperature_c'),
    diskFreeBytes: doublePrecision('disk_free_bytes'),
    diskTotalBytes: doublePrecision('disk_total_bytes'),
  },
  (table) => [index('spark_samples_spark_at_idx').on(table.sparkId, table.at)],
);

/** Hardware history: per-minute averages of older samples (avg() skips the nulls), kept 31 days. */
export const sparkSampleMinutes = pgTable(
  'spark_sample_minutes',
  {
    sparkId: text('spark_id').notNull(),
    minute: timestamp('minute', { withTimezone: true }).notNull(),
    samples: integer('samples').notNull(),
    memUsedBytes: doublePrecision('mem_used_bytes'),
    memTotalBytes: doublePrecision('mem_total_bytes'),
    gpuPct: doublePrecision('gpu_pct'),
    temperatureC: doublePrecision('temperature_c'),
    diskFreeBytes: doublePrecision('disk_free_bytes'),
    diskTotalBytes: doublePrecision('disk_total_bytes'),
  },
  (table) => [primaryKey({ columns: [table.sparkId, table.minute] })],
);
