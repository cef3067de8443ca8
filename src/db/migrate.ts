import { execFile } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import pg from "pg";
import { isPostgresUrl, sqliteFileUrl } from "./url.ts";

const run = promisify(execFile);
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** The migration history for a database URL: prisma/migrations, or its PostgreSQL derivation. */
export function migrationsFolder(databaseUrl: string): string {
  return resolve(
    PROJECT_ROOT,
    isPostgresUrl(databaseUrl) ? "prisma/postgresql/migrations" : "prisma/migrations",
  );
}

const APPLIED =
  'SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL';

function appliedSqlite(databaseUrl: string): string[] | null {
  const file = sqliteFileUrl(databaseUrl).slice("file:".length);
  if (!existsSync(file)) return null;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const table = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'")
      .get();
    if (!table) return null;
    return db
      .prepare(APPLIED)
      .all()
      .map((row) => (row as { migration_name: string }).migration_name);
  } finally {
    db.close();
  }
}

async function appliedPostgres(databaseUrl: string): Promise<string[] | null> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const table = await client.query("SELECT to_regclass('\"_prisma_migrations\"') IS NOT NULL AS present");
    if (!table.rows[0]?.present) return null;
    const rows = await client.query<{ migration_name: string }>(APPLIED);
    return rows.rows.map((row) => row.migration_name);
  } finally {
    await client.end();
  }
}

/** The committed migrations the database has not applied yet. */
export async function pendingMigrations(databaseUrl: string): Promise<string[]> {
  const committed = readdirSync(migrationsFolder(databaseUrl), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  const applied = isPostgresUrl(databaseUrl)
    ? await appliedPostgres(databaseUrl)
    : appliedSqlite(databaseUrl);
  if (!applied) return committed;
  const done = new Set(applied);
  return committed.filter((name) => !done.has(name));
}

/**
 * Applies pending migrations with Prisma's own `migrate deploy` (its WebAssembly engine works
 * offline); prisma.config.ts picks the history by the URL. On PostgreSQL the CLI takes an advisory
 * lock, so replicas starting together apply each migration once (its engine then idles about 10 s
 * before the CLI exits, only when something was pending). A database that is up to date is left alone: the engine wants the database to itself,
 * so skipping it lets `account:create` run beside a serving gateway.
 */
export async function migrateDatabase(databaseUrl: string): Promise<void> {
  if ((await pendingMigrations(databaseUrl)).length === 0) return;
  const require = createRequire(import.meta.url);
  const cli = resolve(dirname(require.resolve("prisma/package.json")), "build/index.js");
  try {
    await run(process.execPath, [cli, "migrate", "deploy"], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      maxBuffer: 10 * 1024 * 1024,
    });
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`migrate deploy failed: ${failure.stderr || failure.stdout || failure.message}`);
  }
}
