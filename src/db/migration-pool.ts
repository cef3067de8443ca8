import pg from "pg";

/**
 * Result column types the js schema engine cannot read ("Column type 'name' could not be
 * deserialized", prisma/orm#27403): name, char, regproc, pg_node_tree and regtype report as
 * text, their arrays as text[]. The adapter picks a column's type from `dataTypeID` before any
 * type parser runs, so the ID itself is rewritten. Only for the migrate CLI: the runtime client
 * reads the application's own tables and needs none of it.
 */
const AS_TEXT = new Set([18, 19, 24, 194, 2205]);
const AS_TEXT_ARRAY = new Set([1002, 1003]);

type Result = { fields?: { dataTypeID: number }[] };

function rewrite<T>(result: T): T {
  for (const field of (result as Result)?.fields ?? []) {
    if (AS_TEXT.has(field.dataTypeID)) field.dataTypeID = 25;
    else if (AS_TEXT_ARRAY.has(field.dataTypeID)) field.dataTypeID = 1009;
  }
  return result;
}

type Query = (...args: unknown[]) => unknown;

/** Wraps `query` in its promise and callback forms. */
function wrapQuery(target: { query: Query }): void {
  const original = target.query.bind(target);
  target.query = (...args: unknown[]) => {
    const last = args.at(-1);
    if (typeof last === "function") {
      const callback = last as (error: unknown, result: unknown) => void;
      return original(...args.slice(0, -1), (error: unknown, result: unknown) =>
        callback(error, error ? result : rewrite(result)),
      );
    }
    const returned = original(...args);
    return returned instanceof Promise ? returned.then(rewrite) : returned;
  };
}

/** A pool for `prisma migrate` on PostgreSQL; it lets the CLI exit as soon as it is idle. */
export function migrationPool(connectionString: string): pg.Pool {
  const pool = new pg.Pool({ connectionString, max: 2, allowExitOnIdle: true, idleTimeoutMillis: 200 });
  wrapQuery(pool as unknown as { query: Query });
  const connect = pool.connect.bind(pool);
  const wrapped = new WeakSet<object>();
  const wrapClient = (client: pg.PoolClient) => {
    if (!wrapped.has(client)) {
      wrapped.add(client);
      wrapQuery(client as unknown as { query: Query });
    }
    return client;
  };
  (pool as unknown as { connect: unknown }).connect = (callback?: (...a: unknown[]) => void) => {
    if (callback) {
      return connect((error, client, done) => callback(error, client && wrapClient(client), done));
    }
    return connect().then(wrapClient);
  };
  return pool;
}
