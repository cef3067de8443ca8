import { createDb, type DbHandle } from "../../src/db/client.ts";
import { afterAll, beforeAll, describe, expect, it, onPostgres } from "../support/test.ts";

// PostgreSQL only: SQLite has no pool and no serialization failures. Skipped without TEST_DATABASE_URL.
if (!onPostgres)
  console.info("postgres-pool.test.ts: skipped, TEST_DATABASE_URL is not set (PostgreSQL only)");
let db: DbHandle;
let closed = false;

beforeAll(({ pg }) => {
  db = createDb(pg.url, { poolSize: 2 });
});
afterAll(async () => {
  if (!closed) await db?.prisma.$disconnect();
});

describe.runIf(onPostgres)("transactions on PostgreSQL's pool", () => {
  it("retries the loser of a write skew and gives every connection back to the pool", async () => {
    // Each transaction reads what the other one writes: SERIALIZABLE refuses one of them (often
    // at COMMIT, which Prisma 6.19 would leave holding its connection), and it runs again.
    let arrived = 0;
    let bothRead!: () => void;
    const barrier = new Promise<void>((resolve) => {
      bothRead = resolve;
    });
    const attempts = { a: 0, b: 0 };
    const claim = (name: "a" | "b") =>
      db.prisma.$transaction(async (tx) => {
        attempts[name] += 1;
        const taken = await tx.region.count({ where: { id: { startsWith: "skew-" } } });
        if (attempts[name] === 1) {
          arrived += 1;
          if (arrived === 2) bothRead();
          await barrier;
        }
        await tx.region.create({ data: { id: `skew-${name}`, name: `taken after ${taken}` } });
        return taken;
      });
    const seen = await Promise.all([claim("a"), claim("b")]);
    // Serialized: one saw nothing, the other saw the first one's region.
    expect([...seen].sort()).toEqual([0, 1]);
    expect(attempts.a + attempts.b).toBeGreaterThan(2);
    // Both connections are back: more queries than the pool has connections still run.
    const counts = await Promise.all(
      Array.from({ length: 6 }, () =>
        db.prisma.$transaction((tx) => tx.region.count({ where: { id: { startsWith: "skew-" } } })),
      ),
    );
    expect(counts).toEqual([2, 2, 2, 2, 2, 2]);
    // The pool ends only once every connection is back (a lost one would hang it).
    await db.prisma.$disconnect();
    closed = true;
  });
});
