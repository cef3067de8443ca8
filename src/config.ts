import { type LimitsConfig, loadLimitsConfig } from "./config-limits.ts";
import { DEFAULT_DATABASE_URL } from "./db/url.ts";

/** Everything the process reads from its environment, parsed once (README "Configuration"). */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  /** PostgreSQL connections per process (DATABASE_POOL_SIZE); SQLite uses one. */
  databasePoolSize: number;
  redisUrl: string | undefined;
  /** Prefix of the engine's keys in Redis (queue, sequences): replicas that share work share it. */
  redisPrefix: string;
  /** BullMQ lock of a driven job: a dead replica's jobs move to another within about twice this. */
  engineLockMs: number;
  /** How often one replica re-reads what is in flight and enqueues what the queue lacks. */
  engineReconcileMs: number;
  /** In-flight images and snapshots one replica drives at once (BullMQ worker concurrency). */
  engineConcurrency: number;
  snapshotGibPerSecond: number;
  copyGibPerSecond: number;
  progressIntervalMs: number;
  /** The demo account's key; undefined in production unless DEMO_API_KEY is set (no demo account). */
  demoApiKey: string | undefined;
  /** Set: GET /metrics needs `Authorization: Bearer <token>`. */
  metricsToken: string | undefined;
  /** Operation names kept as metric label values; the others count as "(other)" (METRICS_MAX_OPERATION_NAMES). */
  metricsMaxOperationNames: number;
  logLevel: LogLevel;
  development: boolean;
  limits: LimitsConfig;
}

/** The well-known development key: public, so never a production default. */
export const DEFAULT_DEMO_API_KEY = "demo-key";

export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";
const LOG_LEVELS: readonly LogLevel[] = ["debug", "info", "warn", "error", "silent"];

function positiveNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`${name} must be a positive number (got "${raw}")`);
  }
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const logLevel = (env.LOG_LEVEL ?? "info") as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")} (got "${env.LOG_LEVEL}")`);
  }
  const development = env.NODE_ENV !== "production";
  return {
    port: Math.trunc(positiveNumber(env, "PORT", 4000)),
    host: env.HOST || "0.0.0.0",
    databaseUrl: env.DATABASE_URL || DEFAULT_DATABASE_URL,
    databasePoolSize: Math.trunc(positiveNumber(env, "DATABASE_POOL_SIZE", 10)),
    redisUrl: env.REDIS_URL || undefined,
    redisPrefix: env.REDIS_PREFIX || "image-gateway",
    engineLockMs: positiveNumber(env, "ENGINE_LOCK_MS", 5_000),
    engineReconcileMs: positiveNumber(env, "ENGINE_RECONCILE_MS", 10_000),
    engineConcurrency: Math.trunc(positiveNumber(env, "ENGINE_CONCURRENCY", 1_000)),
    snapshotGibPerSecond: positiveNumber(env, "SNAPSHOT_GIB_PER_SECOND", 8),
    copyGibPerSecond: positiveNumber(env, "COPY_GIB_PER_SECOND", 4),
    progressIntervalMs: positiveNumber(env, "PROGRESS_INTERVAL_MS", 200),
    demoApiKey: env.DEMO_API_KEY || (development ? DEFAULT_DEMO_API_KEY : undefined),
    metricsToken: env.METRICS_TOKEN || undefined,
    metricsMaxOperationNames: Math.trunc(positiveNumber(env, "METRICS_MAX_OPERATION_NAMES", 100)),
    logLevel,
    development,
    limits: loadLimitsConfig(env),
  };
}
