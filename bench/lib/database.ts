/** The bench's database: a SQLite file in a temporary folder, or bench_run_… on a PostgreSQL server. */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { flags } from "./options.ts";

export interface BenchDatabase {
  provider: "sqlite" | "postgresql";
  url: string;
  /** PostgreSQL's server_version, for the record. */
  version?: string;
  drop(): Promise<void>;
}

/** Runs statements on the maintenance database (postgres) of the server a URL names. */
export async function onPostgresServer<T>(
  serverUrl: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const url = new URL(serverUrl);
  url.pathname = "/postgres";
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh database: a SQLite file in a temporary folder, or bench_… on the PostgreSQL server given. */
export async function createBenchDatabase(): Promise<BenchDatabase> {
  const serverUrl = flags.database ?? process.env.BENCH_DATABASE_URL;
  if (!serverUrl) {
    const dir = mkdtempSync(join(tmpdir(), "image-gateway-bench-"));
    return {
      provider: "sqlite",
      url: `file:${join(dir, "bench.db")}`,
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  if (!/^postgres(ql)?:\/\//.test(serverUrl)) {
    throw new Error(`--database must be a postgresql:// URL (got ${serverUrl.split(":")[0]}:…)`);
  }
  const name = `bench_run_${randomBytes(4).toString("hex")}`;
  const version = await onPostgresServer(serverUrl, async (client) => {
    await client.query(`CREATE DATABASE "${name}"`);
    return (await client.query<{ server_version: string }>("SHOW server_version")).rows[0]?.server_version;
  });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    provider: "postgresql",
    url: url.toString(),
    version,
    drop: () =>
      onPostgresServer(serverUrl, async (client) => {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      }),
  };
}
