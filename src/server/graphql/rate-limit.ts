import type { Redis } from "ioredis";
import type { Clock } from "../../domain/clock.ts";
import { failFastRedis } from "../../events/redis-client.ts";

/** What every response reports in `extensions.cost` (in the manner of Shopify's Admin API). */
export interface CostReport {
  requestedQueryCost: number;
  throttleStatus: {
    maximumAvailable: number;
    currentlyAvailable: number;
    restoreRate: number;
  };
}

export interface TakeResult {
  allowed: boolean;
  /** Points left in the bucket after this operation (before it, when refused). */
  available: number;
}

/**
 * A leaky bucket per account: it holds up to `capacity` points and gets `restorePerSecond` back
 * each second; an operation takes its cost from it, or is refused when the bucket has less.
 */
export interface RateLimiter {
  readonly capacity: number;
  readonly restorePerSecond: number;
  take(accountId: string, cost: number): Promise<TakeResult>;
  close(): Promise<void>;
}

export interface RateLimitOptions {
  capacity: number;
  restorePerSecond: number;
  clock: Clock;
}

interface BucketState {
  available: number;
  at: number;
}

function refill(state: BucketState, now: number, { capacity, restorePerSecond }: RateLimitOptions) {
  if (now <= state.at) return state;
  return {
    available: Math.min(capacity, state.available + ((now - state.at) / 1000) * restorePerSecond),
    at: now,
  };
}

/** One process: buckets in memory. Full buckets are forgotten, so the map holds active accounts only. */
export function memoryRateLimiter(options: RateLimitOptions): RateLimiter {
  const buckets = new Map<string, BucketState>();
  return {
    capacity: options.capacity,
    restorePerSecond: options.restorePerSecond,
    async take(accountId, cost) {
      const now = options.clock.now().getTime();
      const state = refill(buckets.get(accountId) ?? { available: options.capacity, at: now }, now, options);
      const allowed = cost <= state.available;
      const available = allowed ? state.available - cost : state.available;
      if (available >= options.capacity) buckets.delete(accountId);
      else buckets.set(accountId, { available, at: state.at });
      if (buckets.size > 100_000) {
        for (const [id, bucket] of buckets) {
          if (refill(bucket, now, options).available >= options.capacity) buckets.delete(id);
        }
      }
      return { allowed, available };
    },
    async close() {},
  };
}

/**
 * The same bucket in Redis, so replicas share it: one Lua script reads, refills, takes and writes
 * atomically. Time comes from the caller's clock (replicas' clocks are assumed in step); a bucket
 * expires once it would be full again.
 */
const TAKE_SCRIPT = `
local capacity = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local now = tonumber(ARGV[3])
local cost = tonumber(ARGV[4])
local state = redis.call('HMGET', KEYS[1], 'available', 'at')
local available = tonumber(state[1]) or capacity
local at = tonumber(state[2]) or now
if now > at then
  available = math.min(capacity, available + (now - at) / 1000 * rate)
  at = now
end
local allowed = 0
if cost <= available then
  available = available - cost
  allowed = 1
end
redis.call('HSET', KEYS[1], 'available', tostring(available), 'at', tostring(at))
redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - available) / rate * 1000) + 1000)
return { allowed, tostring(available) }
`;

export function redisRateLimiter(
  options: RateLimitOptions & { redisUrl: string; keyPrefix?: string; onError?: (error: Error) => void },
): RateLimiter {
  // While Redis is away a take fails at once (0.5 s at most when it does not answer) and the
  // request is served unthrottled below: no request waits for the outage.
  const redis: Redis = failFastRedis(options.redisUrl, { commandTimeoutMs: 500 });
  const prefix = options.keyPrefix ?? "image-gateway:rate:";
  redis.defineCommand("takeCost", { numberOfKeys: 1, lua: TAKE_SCRIPT });
  const take = (...args: (string | number)[]) =>
    (redis as unknown as { takeCost(...args: (string | number)[]): Promise<[number, string]> }).takeCost(
      ...args,
    );
  return {
    capacity: options.capacity,
    restorePerSecond: options.restorePerSecond,
    async take(accountId, cost) {
      const now = options.clock.now().getTime();
      try {
        const [allowed, available] = await take(
          `${prefix}${accountId}`,
          options.capacity,
          options.restorePerSecond,
          now,
          cost,
        );
        return { allowed: allowed === 1, available: Number(available) };
      } catch (error) {
        // Redis unreachable: serving unthrottled beats refusing everyone (/readyz reports Redis).
        options.onError?.(error as Error);
        return { allowed: true, available: options.capacity };
      }
    },
    async close() {
      redis.disconnect();
    },
  };
}

export function costReport(limiter: RateLimiter, cost: number, available: number): CostReport {
  return {
    requestedQueryCost: cost,
    throttleStatus: {
      maximumAvailable: limiter.capacity,
      currentlyAvailable: Math.floor(available),
      restoreRate: limiter.restorePerSecond,
    },
  };
}

export interface RateLimiterOptions {
  capacity: number;
  restorePerSecond: number;
  clock: Clock;
  redisUrl?: string;
  redisKeyPrefix?: string;
}

/** Each account's cost bucket: in memory, or in Redis so that replicas share it. */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  return options.redisUrl
    ? redisRateLimiter({ ...options, redisUrl: options.redisUrl, keyPrefix: options.redisKeyPrefix })
    : memoryRateLimiter(options);
}

/** Takes a cost from an account's bucket: the report to attach, or null when the bucket cannot pay. */
export async function chargeAccount(
  limiter: RateLimiter,
  accountId: string,
  cost: number,
): Promise<CostReport | null> {
  const { allowed, available } = await limiter.take(accountId, cost);
  return allowed ? costReport(limiter, cost, available) : null;
}
