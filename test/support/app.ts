import { type Config, loadConfig } from "../../src/config.ts";
import { loadLimitsConfig } from "../../src/config-limits.ts";
import { createAccount } from "../../src/domain/accounts.ts";
import type { Clock } from "../../src/domain/clock.ts";
import type { Logger } from "../../src/logger.ts";
import { type App, startApp } from "../../src/server/app.ts";
import { createTestDatabase, type TestDatabase } from "./database.ts";
import { StatementRecorder } from "./statements.ts";

/** A clock the test moves by hand. */
export class ManualClock implements Clock {
  constructor(private current = new Date("2026-11-27T10:00:00.000Z")) {}
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
  set(date: Date): void {
    this.current = new Date(date);
  }
}

/**
 * Moves the clock on by `ms` and steps the engine twice. The first `engine.tick()` may join a pass
 * the scheduler's own timer started before the clock moved; the second is then a whole pass at the
 * new time, and it also takes the first step of work the first pass started (a waiting copy
 * promoted when another copy ended).
 */
export async function advanceAndStep(
  app: Pick<App, "engine">,
  clock: ManualClock,
  ms: number,
): Promise<void> {
  clock.advance(ms);
  await app.engine.tick();
  await app.engine.tick();
}

export interface TestApp extends App {
  database: TestDatabase;
  /** Every SQL statement the app sent since the last reset (statement-count tests). */
  statements: StatementRecorder;
  /** Creates another account and returns its API key. */
  newAccount(name: string): Promise<string>;
}

/** A server on a free port with a database of its own, copied from the migrated template (SQLite or PostgreSQL). */
export async function startTestApp(
  options: { config?: Partial<Config>; clock?: Clock; rateClock?: Clock; logger?: Logger } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const config: Config = {
    ...loadConfig({}),
    port: 0,
    host: "127.0.0.1",
    databaseUrl: database.url,
    logLevel: "error",
    // Tests send bursts no console would: the rate limiter has tests of its own (rate-limit.test.ts).
    limits: { ...loadLimitsConfig({}), rateLimitBucket: 1e9 },
    ...options.config,
  };
  const statements = new StatementRecorder();
  const app = await startApp(config, {
    skipMigrations: true,
    clock: options.clock,
    rateClock: options.rateClock,
    logger: options.logger,
    onStatement: statements.record,
  });
  return {
    ...app,
    database,
    statements,
    newAccount: async (name) => (await createAccount(app.prisma, name)).apiKey,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

export const DEMO_KEY = "demo-key";
