import { type Config, loadConfig } from "../../src/config.ts";
import { loadLimitsConfig } from "../../src/config-limits.ts";
import { createAccount } from "../../src/domain/accounts.ts";
import type { Clock } from "../../src/domain/clock.ts";
import type { Logger } from "../../src/logger.ts";
import { type App, startApp } from "../../src/server/app.ts";
import { createTestDatabase, type TestDatabase } from "./database.ts";
import { StatementRecorder } from "./statements.ts";

export interface TestApp extends App {
  database: TestDatabase;
  /** Every SQL statement the app sent since the last reset (statement-count tests). */
  statements: StatementRecorder;
  /** Creates another account and returns its API key. */
  newAccount(name: string): Promise<string>;
}

/** The configuration of a server for tests: a free port on 127.0.0.1, this database, errors logged only. */
export function testConfig(databaseUrl: string, overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({}), port: 0, host: "127.0.0.1", databaseUrl, logLevel: "error", ...overrides };
}

/** A server on a free port with a database of its own, copied from the migrated template (SQLite or PostgreSQL). */
export async function startTestApp(
  options: { config?: Partial<Config>; clock?: Clock; rateClock?: Clock; logger?: Logger } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = testConfig(database.url, {
    // Tests send bursts no console would: the rate limiter has tests of its own (rate-limit.test.ts).
    limits: { ...loadLimitsConfig({}), rateLimitBucket: 1e9 },
    ...options.config,
  });
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
