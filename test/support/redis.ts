import { randomBytes } from "node:crypto";
import { requireService } from "./services.ts";

/** The Redis the tests may use, from REDIS_URL (see services.ts: unset, the suites say so and skip). */
export const TEST_REDIS_URL = process.env.REDIS_URL || undefined;

/** True when the suite must skip; with REQUIRE_ALL_SUITES=1 a missing Redis fails instead. */
export function skipWithoutRedis(what: string): boolean {
  return !requireService("redis", what);
}

/** A key prefix of its own for each test, so queues and sequences never meet another run's. */
export function uniquePrefix(name: string): string {
  return `test-${name}-${randomBytes(4).toString("hex")}`;
}
