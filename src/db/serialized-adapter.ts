import {
  DriverAdapterError,
  type IsolationLevel,
  type SqlDriverAdapter,
  type SqlDriverAdapterFactory,
  type Transaction,
} from "@prisma/driver-adapter-utils";
import { wrapAdapterFactory } from "./adapter-wrap.ts";

/** A FIFO lock: `acquire` resolves with the function that releases it. */
class Lock {
  private tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const acquired = this.tail.then(() => release);
    this.tail = this.tail.then(() => held);
    return acquired;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }
}

function serializeTransaction(tx: Transaction, release: () => void): Transaction {
  let released = false;
  const done = () => {
    if (!released) {
      released = true;
      release();
    }
  };
  return {
    provider: tx.provider,
    adapterName: tx.adapterName,
    options: tx.options,
    queryRaw: (query) => tx.queryRaw(query),
    executeRaw: (query) => tx.executeRaw(query),
    commit: async () => {
      try {
        await tx.commit();
      } finally {
        done();
      }
    },
    rollback: async () => {
      try {
        await tx.rollback();
      } finally {
        done();
      }
    },
  };
}

const statement = (sql: string) => ({ sql, args: [], argTypes: [] });

/**
 * A transaction that holds SQLite's write lock from its first statement: `BEGIN IMMEDIATE`, where
 * the adapter's own `BEGIN` is DEFERRED. A deferred transaction that reads and then writes must
 * upgrade its read snapshot to the write lock; when another connection (a second process on the
 * file: `npm run account:create` beside a serving gateway) committed in between, SQLite refuses the
 * upgrade at once with SQLITE_BUSY, "database is locked", without waiting for busy_timeout (a wait
 * could not help: the snapshot is stale). `BEGIN IMMEDIATE` takes the write lock first, waiting up
 * to busy_timeout for the other writer, and reads after it. Prisma sends COMMIT and ROLLBACK
 * itself (usePhantomQuery false), as it does with the adapter's own transactions.
 */
async function beginImmediate(
  adapter: SqlDriverAdapter,
  isolationLevel?: IsolationLevel,
): Promise<Transaction> {
  // SQLite transactions are serializable; the adapter refuses any other level the same way.
  if (isolationLevel && isolationLevel !== "SERIALIZABLE") {
    throw new DriverAdapterError({ kind: "InvalidIsolationLevel", level: isolationLevel });
  }
  await adapter.executeRaw(statement("BEGIN IMMEDIATE"));
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    options: { usePhantomQuery: false },
    queryRaw: (query) => adapter.queryRaw(query),
    executeRaw: (query) => adapter.executeRaw(query),
    commit: async () => undefined,
    rollback: async () => undefined,
  };
}

/**
 * One SQLite connection serves every query, and an interactive transaction stays open across
 * awaits. Without this, a query of another request would run inside that open transaction: it
 * would read uncommitted rows, and its writes would vanish if the transaction rolled back. Here
 * every statement outside a transaction waits until no transaction is open. The same lock is what
 * keeps this process's transactions apart on the connection (the adapter's own mutex is not used:
 * transactions begin here, IMMEDIATE, see beginImmediate).
 */
export function serializedAdapter(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return wrapAdapterFactory(factory, () => {
    // One lock per connection: every statement on it waits for its open transaction.
    const lock = new Lock();
    return {
      statement: (run) => lock.run(run),
      startTransaction: async (adapter, isolationLevel) => {
        const release = await lock.acquire();
        try {
          return serializeTransaction(await beginImmediate(adapter, isolationLevel), release);
        } catch (error) {
          release();
          throw error;
        }
      },
    };
  });
}
