import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";
import { migrationPool } from "./src/db/migration-pool.ts";
import { isPostgresUrl, sqliteFileUrl } from "./src/db/url.ts";

// The js schema engine (WebAssembly) works offline; the adapter decides the real database, and
// DATABASE_URL picks the schema and migration history: prisma/ for SQLite, prisma/postgresql/
// (derived from it by scripts/derive-postgres.ts) for PostgreSQL.
const url = process.env.DATABASE_URL;
const postgres = isPostgresUrl(url);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: postgres ? "prisma/postgresql/schema.prisma" : "prisma/schema.prisma",
  migrations: { path: postgres ? "prisma/postgresql/migrations" : "prisma/migrations" },
  async adapter() {
    if (postgres) return new PrismaPg(migrationPool(url!));
    return new PrismaBetterSQLite3({ url: sqliteFileUrl(url), timeout: 10_000 });
  },
});
