import { randomBytes } from "node:crypto";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { isPostgresUrl } from "../../src/db/url.ts";

/**
 * The database every test file gets to itself: a copy of the template that global-setup migrated
 * once. SQLite by default (a file copied into a temporary folder); PostgreSQL when
 * TEST_DATABASE_URL names one (CREATE DATABASE … TEMPLATE, dropped afterwards).
 */
export interface TestDatabase {
  url: string;
  provider: "sqlite" | "postgresql";
  drop(): Promise<void>;
}

/** The PostgreSQL database a URL names, and the same URL for another database. */
export function postgresDatabase(url: string): { name: string; withName(name: string): string } {
  const parsed = new URL(url);
  const name = decodeURIComponent(parsed.pathname.slice(1));
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    throw new Error(`TEST_DATABASE_URL must name a database of letters, digits and _ (got "${name}")`);
  }
  return {
    name,
    withName: (other) => {
      const copy = new URL(url);
      copy.pathname = `/${other}`;
      return copy.toString();
    },
  };
}

/** Runs statements on the server's maintenance database (postgres), where CREATE/DROP DATABASE run. */
export async function onPostgresServer(url: string, statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: postgresDatabase(url).withName("postgres") });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}

export async function postgresDatabasesLike(url: string, pattern: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: postgresDatabase(url).withName("postgres") });
  await client.connect();
  try {
    const found = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE $1",
      [pattern],
    );
    return found.rows.map((row) => row.datname);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const template = inject("templateDatabase");
  if (!isPostgresUrl(template)) {
    const dir = mkdtempSync(join(tmpdir(), "image-gateway-db-"));
    const file = join(dir, "test.db");
    copyFileSync(template, file);
    return {
      url: `file:${file}`,
      provider: "sqlite",
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const source = postgresDatabase(template);
  const name = `${source.name}_${randomBytes(5).toString("hex")}`;
  // Fails while another session is connected to the template; nothing but global-setup ever is.
  await onPostgresServer(template, [`CREATE DATABASE "${name}" TEMPLATE "${source.name}"`]);
  return {
    url: source.withName(name),
    provider: "postgresql",
    drop: () => onPostgresServer(template, [`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`]),
  };
}
