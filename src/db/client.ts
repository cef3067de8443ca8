import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { type Prisma, PrismaClient } from "../generated/prisma/client.ts";
import { PrismaClient as PgPrismaClient } from "../generated/prisma-pg/client.ts";
import { poolSafeAdapter } from "./pg-adapter.ts";
import { serializedAdapter } from "./serialized-adapter.ts";
import { isPostgresUrl, sqliteFileUrl } from "./url.ts";

/**
 * The client the code is typed against. On PostgreSQL it is the client generated from the derived
 * schema (prisma/postgresql/schema.prisma): the same models and the same API, another provider.
 */
export type Db = PrismaClient;
/** The client inside `prisma.$transaction`. */
export type Tx = Prisma.TransactionClient;
export type DatabaseProvider = "sqlite" | "postgresql";

export interface DbHandle {
  prisma: Db;
  provider: DatabaseProvider;
}

export interface DbOptions {
  /** PostgreSQL connections in the pool (DATABASE_POOL_SIZE); SQLite always has one. */
  poolSize?: number;
  /**
   * Called with the text of every SQL statement the client sends (Prisma's query log), for the
   * tests that count statements and the bench. Without it the client logs nothing.
   */
  onStatement?: (sql: string) => void;
}

/** Which database a client, or a transaction's client, talks to (the provider it was generated for). */
export function databaseProvider(client: object): DatabaseProvider {
  return (client as { _activeProvider?: string })._activeProvider === "postgresql" ? "postgresql" : "sqlite";
}

const MAX_ATTEMPTS = 25;
const MAX_BACKOFF_MS = 250;

type ErrorShape = {
  code?: string;
  originalCode?: string;
  cause?: ErrorShape;
  meta?: { driverAdapterError?: ErrorShape };
};

/**
 * SQLSTATE 40001 (serialization failure, Prisma's P2034) or 40P01 (deadlock, which the adapter
 * passes through unmapped): the transaction may simply run again.
 */
export function isSerializationFailure(error: unknown): boolean {
  const seen = error as ErrorShape | undefined;
  const candidates = [
    seen,
    seen?.cause,
    seen?.meta?.driverAdapterError,
    seen?.meta?.driverAdapterError?.cause,
  ];
  return candidates.some(
    (candidate) =>
      candidate?.code === "P2034" ||
      ["40001", "40P01"].includes(candidate?.code ?? "") ||
      ["40001", "40P01"].includes(candidate?.originalCode ?? ""),
  );
}

/**
 * Every transaction on PostgreSQL runs SERIALIZABLE, and one that fails to serialize runs again.
 * The domain's rules are checks done inside transactions (quota, the instance lock, the status a
 * change starts from, the last snapshot of an image completing it); under READ COMMITTED two
 * transactions could each pass a check the other invalidates (write skew). SERIALIZABLE makes
 * PostgreSQL refuse one of them, as SQLite's single writer does by construction, with no lock to
 * forget at any call site. Bodies touch only the database, so running one again is safe. A
 * transaction that must see what a lock holder committed (copy promotion) asks for READ COMMITTED.
 */
function retrySerializationFailures(prisma: Db): void {
  const transaction = prisma.$transaction.bind(prisma) as (...args: unknown[]) => Promise<unknown>;
  const retrying = async (...args: unknown[]) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await transaction(...args);
      } catch (error) {
        if (!isSerializationFailure(error) || attempt >= MAX_ATTEMPTS) throw error;
        // A random pause that grows with each attempt (capped), so that many transactions that
        // collided (one account's creations at 20 in flight) spread out instead of colliding again.
        const ceiling = Math.min(MAX_BACKOFF_MS, 4 * 2 ** attempt);
        await new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
      }
    }
  };
  Object.defineProperty(prisma, "$transaction", { value: retrying, configurable: true, writable: true });
}

export function createDb(databaseUrl: string, options: DbOptions = {}): DbHandle {
  const provider: DatabaseProvider = isPostgresUrl(databaseUrl) ? "postgresql" : "sqlite";
  const log = options.onStatement ? [{ emit: "event" as const, level: "query" as const }] : [];
  // Waiting for a connection is normal under load; a transaction's body is short.
  const transactionOptions = { maxWait: 10_000, timeout: 15_000 };
  let prisma: Db;
  if (provider === "postgresql") {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: options.poolSize ?? 10 });
    prisma = new PgPrismaClient({
      adapter: poolSafeAdapter(new PrismaPg(pool, { disposeExternalPool: true })),
      log,
      transactionOptions: { ...transactionOptions, isolationLevel: "Serializable" },
    }) as unknown as Db;
    retrySerializationFailures(prisma);
  } else {
    const adapter = serializedAdapter(
      new PrismaBetterSQLite3({ url: sqliteFileUrl(databaseUrl), timeout: 10_000 }),
    );
    prisma = new PrismaClient({ adapter, log, transactionOptions });
  }
  const { onStatement } = options;
  if (onStatement) {
    const events = prisma as unknown as {
      $on(event: "query", listener: (event: { query: string }) => void): void;
    };
    events.$on("query", (event) => onStatement(event.query));
  }
  return { prisma, provider };
}

/** Per-connection settings: SQLite's pragmas; PostgreSQL needs none. */
export async function initDatabase(db: DbHandle): Promise<void> {
  if (db.provider !== "sqlite") return;
  // WAL lets readers run beside the one writer; busy_timeout makes concurrent writers (another
  // process on the file: account:create) wait instead of failing; transactions begin IMMEDIATE
  // (src/db/serialized-adapter.ts), so they wait for the write lock before their first read.
  await db.prisma.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await db.prisma.$queryRawUnsafe("PRAGMA busy_timeout = 10000");
  await db.prisma.$queryRawUnsafe("PRAGMA foreign_keys = ON");
}
