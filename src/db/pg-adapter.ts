import type { SqlDriverAdapterFactory, Transaction } from "@prisma/driver-adapter-utils";
import { wrapAdapterFactory } from "./adapter-wrap.ts";

const ENDS = /^\s*(COMMIT|ROLLBACK)\b/i;

/**
 * Prisma 6.19's client ends a transaction by sending COMMIT (or ROLLBACK) and only then calling
 * the adapter's commit(), which gives the pg connection back to the pool. When that COMMIT fails,
 * as SERIALIZABLE commits do when PostgreSQL detects a conflict (40001), commit() is never called:
 * the connection is lost to the pool, and a full pool hangs every later query and $disconnect.
 * Here a failed COMMIT or ROLLBACK releases the connection (PostgreSQL has ended the transaction
 * either way) before the error goes on to be retried.
 */
function releaseOnFailedEnd(tx: Transaction): Transaction {
  let released = false;
  const release = async () => {
    if (released) return;
    released = true;
    await tx.rollback();
  };
  return {
    provider: tx.provider,
    adapterName: tx.adapterName,
    options: tx.options,
    queryRaw: (query) => tx.queryRaw(query),
    executeRaw: async (query) => {
      try {
        return await tx.executeRaw(query);
      } catch (error) {
        if (ENDS.test(query.sql)) await release();
        throw error;
      }
    },
    commit: async () => {
      if (released) return;
      released = true;
      await tx.commit();
    },
    rollback: release,
  };
}

/** The PostgreSQL adapter, with pool connections that survive a failed COMMIT. */
export function poolSafeAdapter(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return wrapAdapterFactory(factory, () => ({
    startTransaction: async (adapter, isolationLevel) =>
      releaseOnFailedEnd(await adapter.startTransaction(isolationLevel)),
  }));
}
