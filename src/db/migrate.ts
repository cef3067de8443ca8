import { execFile } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { sqliteFileUrl } from "./url.ts";

const run = promisify(execFile);
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** The committed migrations the database has not applied yet. */
export function pendingMigrations(databaseUrl: string): string[] {
  const folder = resolve(PROJECT_ROOT, "prisma/migrations");
  const committed = readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  const file = sqliteFileUrl(databaseUrl).slice("file:".length);
  if (!existsSync(file)) return committed;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const table = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'")
      .get();
    if (!table) return committed;
    const applied = new Set(
      db
        .prepare(
          "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
        )
        .all()
        .map((row) => (row as { migration_name: string }).migration_name),
    );
    return committed.filter((name) => !applied.has(name));
  } finally {
    db.close();
  }
}

/**
 * Applies pending migrations with Prisma's own `migrate deploy` (its WebAssembly engine works
 * offline). A database that is up to date is left alone: the engine wants the database to itself,
 * so skipping it lets `account:create` run beside a serving gateway.
 */
export async function migrateDatabase(databaseUrl: string): Promise<void> {
  if (pendingMigrations(databaseUrl).length === 0) return;
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
