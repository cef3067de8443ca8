import { databaseProvider, type Tx } from "./client.ts";

/**
 * On PostgreSQL, locks one row until the transaction ends (SELECT … FOR UPDATE), so that
 * transactions deciding about the same instance or region queue up instead of deadlocking on the
 * rows and index entries they write later. SQLite has one writer at a time and needs none.
 */
export async function lockRow(tx: Tx, table: "Instance" | "Region", id: string): Promise<void> {
  if (databaseProvider(tx) !== "postgresql") return;
  await tx.$queryRawUnsafe(`SELECT 1 FROM "${table}" WHERE "id" = $1 FOR UPDATE`, id);
}
