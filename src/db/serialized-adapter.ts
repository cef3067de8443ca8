import type { SqlDriverAdapterFactory, Transaction } from "@prisma/driver-adapter-utils";
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

/**
 * One SQLite connection serves every query, and an interactive transaction stays open across
 * awaits. Without this, a query of another request would run inside that open transaction: it
 * would read uncommitted rows, and its writes would vanish if the transaction rolled back. Here
 * every statement outside a transaction waits until no transaction is open.
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
          return serializeTransaction(await adapter.startTransaction(isolationLevel), release);
        } catch (error) {
          release();
          throw error;
        }
      },
    };
  });
}
