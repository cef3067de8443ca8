import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client.ts";
import { serializedAdapter } from "./serialized-adapter.ts";
import { sqliteFileUrl } from "./url.ts";

export type Db = PrismaClient;

/** Counts the SQL statements the client sends, for tests that guard against N+1. */
export interface StatementLog {
  statements: string[];
  reset(): void;
}

export interface DbHandle {
  prisma: Db;
  statementLog: StatementLog;
}

export function createDb(databaseUrl: string): DbHandle {
  const adapter = serializedAdapter(
    new PrismaBetterSQLite3({ url: sqliteFileUrl(databaseUrl), timeout: 10_000 }),
  );
  const prisma = new PrismaClient({
    adapter,
    log: [{ emit: "event", level: "query" }],
  });
  const statements: string[] = [];
  prisma.$on("query", (event) => {
    if (statements.length < 10_000) statements.push(event.query);
  });
  const statementLog: StatementLog = {
    statements,
    reset: () => {
      statements.length = 0;
    },
  };
  return { prisma, statementLog };
}

export async function initSqlite(prisma: Db): Promise<void> {
  // WAL lets readers run beside the one writer; busy_timeout makes concurrent writers wait instead of failing.
  await prisma.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await prisma.$queryRawUnsafe("PRAGMA busy_timeout = 10000");
  await prisma.$queryRawUnsafe("PRAGMA foreign_keys = ON");
}
