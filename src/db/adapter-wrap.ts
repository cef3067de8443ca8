import type {
  IsolationLevel,
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  Transaction,
} from "@prisma/driver-adapter-utils";

/** How a wrapper changes a driver adapter: around each statement, and how transactions start. */
export interface AdapterWrapping {
  /** Runs each statement sent outside a transaction (default: as it is). */
  statement?: <T>(run: () => Promise<T>) => Promise<T>;
  startTransaction(adapter: SqlDriverAdapter, isolationLevel?: IsolationLevel): Promise<Transaction>;
}

/**
 * A Prisma driver-adapter factory whose adapters are the factory's, each changed as a fresh
 * `wrapping()` says (state such as a lock is per connection); everything else passes through.
 * Used by the SQLite serialization and the PostgreSQL pool fix.
 */
export function wrapAdapterFactory(
  factory: SqlDriverAdapterFactory,
  wrapping: () => AdapterWrapping,
): SqlDriverAdapterFactory {
  const wrap = (
    adapter: SqlDriverAdapter,
    { statement = (run) => run(), startTransaction }: AdapterWrapping,
  ): SqlDriverAdapter => ({
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query) => statement(() => adapter.queryRaw(query)),
    executeRaw: (query) => statement(() => adapter.executeRaw(query)),
    executeScript: (script) => statement(() => adapter.executeScript(script)),
    startTransaction: (isolationLevel) => startTransaction(adapter, isolationLevel),
    getConnectionInfo: adapter.getConnectionInfo ? () => adapter.getConnectionInfo!() : undefined,
    dispose: () => adapter.dispose(),
  });
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => wrap(await factory.connect(), wrapping()),
  };
}
