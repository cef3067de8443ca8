/**
 * The configurable limits (README "Endpoints and limits"), read from the environment
 * beside the rest of the configuration.
 */
export interface LimitsConfig {
  /** Most operations in flight on one graphql-ws socket (WS_MAX_OPERATIONS). */
  wsMaxOperations: number;
  /** Time to receive a whole request, headers and body (HTTP_REQUEST_TIMEOUT_MS). */
  httpRequestTimeoutMs: number;
  /** Time to receive the request headers (HTTP_HEADERS_TIMEOUT_MS). */
  httpHeadersTimeoutMs: number;
  /** Open connections (HTTP and WebSocket) per process; more are dropped (MAX_CONNECTIONS). */
  maxConnections: number;
  /** Each account's cost bucket: its size (RATE_LIMIT_BUCKET) … */
  rateLimitBucket: number;
  /** … and the points it gets back per second (RATE_LIMIT_RESTORE_PER_SECOND). */
  rateLimitRestorePerSecond: number;
  /** Origins allowed to call the API from a browser besides the gateway's own (CORS_ORIGINS). */
  corsOrigins: string[];
  /** Bytes the response cache holds in all (RESPONSE_CACHE_MAX_BYTES) … */
  responseCacheMaxBytes: number;
  /** … and the largest answer it stores (RESPONSE_CACHE_MAX_ENTRY_BYTES). */
  responseCacheMaxEntryBytes: number;
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`${name} must be a positive number (got "${raw}")`);
  return value;
}

export function loadLimitsConfig(env: NodeJS.ProcessEnv = process.env): LimitsConfig {
  const corsOrigins = (env.CORS_ORIGINS ?? "")
    .split(",")
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of corsOrigins) {
    if (origin === "*" || new URL(origin).origin !== origin) {
      throw new Error(`CORS_ORIGINS must list origins such as https://console.example.com (got "${origin}")`);
    }
  }
  return {
    wsMaxOperations: Math.trunc(positive(env, "WS_MAX_OPERATIONS", 100)),
    httpRequestTimeoutMs: positive(env, "HTTP_REQUEST_TIMEOUT_MS", 10_000),
    httpHeadersTimeoutMs: positive(env, "HTTP_HEADERS_TIMEOUT_MS", 5_000),
    maxConnections: Math.trunc(positive(env, "MAX_CONNECTIONS", 1_000)),
    rateLimitBucket: positive(env, "RATE_LIMIT_BUCKET", 10_000),
    rateLimitRestorePerSecond: positive(env, "RATE_LIMIT_RESTORE_PER_SECOND", 1_000),
    corsOrigins,
    responseCacheMaxBytes: Math.trunc(positive(env, "RESPONSE_CACHE_MAX_BYTES", 64 * 1024 * 1024)),
    responseCacheMaxEntryBytes: Math.trunc(positive(env, "RESPONSE_CACHE_MAX_ENTRY_BYTES", 1024 * 1024)),
  };
}
