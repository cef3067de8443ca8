import { randomBytes } from "node:crypto";

/** The Redis the tests may use, from the environment; unset, the Redis tests skip with one line. */
export const TEST_REDIS_URL = process.env.REDIS_URL || undefined;

export function skipWithoutRedis(what: string): boolean {
  if (TEST_REDIS_URL) return false;
  console.log(`skipped: ${what} (REDIS_URL is not set)`);
  return true;
}

/** A key prefix of its own for each test, so queues and sequences never meet another run's. */
export function uniquePrefix(name: string): string {
  return `test-${name}-${randomBytes(4).toString("hex")}`;
}
