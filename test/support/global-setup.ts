import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrateDatabase } from "../../src/db/migrate.ts";
import { isPostgresUrl } from "../../src/db/url.ts";
import { onPostgresServer, postgresDatabase, postgresDatabasesLike } from "./database.ts";

/**
 * Migrates one template database; each test file copies it (test/support/database.ts) instead of
 * migrating again. SQLite unless TEST_DATABASE_URL names a PostgreSQL database, which is then
 * recreated from nothing as the template (its name prefixes every test file's database).
 */
export default async function setup({ provide }: { provide: (key: string, value: string) => void }) {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    if (!isPostgresUrl(url)) throw new Error(`TEST_DATABASE_URL must be a postgresql:// URL (got ${url})`);
    const { name } = postgresDatabase(url);
    // Databases of earlier runs that were cut short go too (test files' databases are <template>_<hex>).
    const leftovers = await postgresDatabasesLike(url, `${name}\\_%`);
    const drop = [...leftovers, name].map((db) => `DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
    await onPostgresServer(url, [...drop, `CREATE DATABASE "${name}"`]);
    await migrateDatabase(url);
    provide("templateDatabase", url);
    return () => onPostgresServer(url, [`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`]);
  }
  const dir = mkdtempSync(join(tmpdir(), "image-gateway-test-"));
  const template = join(dir, "template.db");
  await migrateDatabase(`file:${template}`);
  provide("templateDatabase", template);
  return () => rmSync(dir, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    /** A SQLite file's path, or the PostgreSQL template's URL. */
    templateDatabase: string;
  }
}
