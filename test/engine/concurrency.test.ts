import { type App, startApp } from "../../src/server/app.ts";
import { type TestApp, testConfig } from "../support/app.ts";
import { gql } from "../support/client.ts";
import { ManualClock } from "../support/clock.ts";
import { createTestDatabase } from "../support/database.ts";
import { CreateCustomImageDocument } from "../support/documents/images.ts";
import { ReleaseInstanceDocument, StopInstanceDocument } from "../support/documents/instances.ts";
import { newInstance } from "../support/fixtures.ts";
import { statementsOf } from "../support/statements.ts";
import { beforeAll, describe, expect, it, useServer } from "../support/test.ts";

// Rules decided inside transactions, raced through real HTTP. On SQLite the single writer
// serialises them; with TEST_DATABASE_URL the same requests race on PostgreSQL's pool, where
// only the isolation level (SERIALIZABLE, retried) keeps them.

const clock = new ManualClock();
let app: TestApp;

useServer({ clock, config: { progressIntervalMs: 3_600_000, databasePoolSize: 8 } });
beforeAll(({ server }) => {
  app = server;
});

/** A running instance with one 40 GiB data disk, for the account with this key. */
const vm = (key: string) => newInstance(app.origin, { dataDisks: [{ sizeGiB: 40 }] }, key);

async function accountWithQuota(name: string, quota: number): Promise<string> {
  const key = await app.newAccount(name);
  await app.prisma.account.update({ where: { name }, data: { imageQuotaPerRegion: quota } });
  return key;
}

/** A custom image of every instance, all requested at once; no request may end in a GraphQL error. */
async function createAtOnce(instances: { id: string }[], key: string, prefix: string) {
  const results = await Promise.all(
    instances.map((instance, i) =>
      gql(
        app.origin,
        CreateCustomImageDocument,
        { input: { instanceId: instance.id, name: `${prefix}-${i}` } },
        key,
      ),
    ),
  );
  for (const result of results) expect(result.errors).toBeUndefined();
  return results;
}

describe("rules checked inside transactions, under concurrent requests", () => {
  it("never lets concurrent creations exceed the image quota of a region", async () => {
    const key = await accountWithQuota("race-quota", 3);
    const instances = [];
    for (let i = 0; i < 10; i++) instances.push(await vm(key));
    const results = await createAtOnce(instances, key, "quota-race");
    const payloads = results.map((result) => result.data!.createCustomImage);
    expect(payloads.filter((payload) => payload.image)).toHaveLength(3);
    for (const payload of payloads.filter((p) => !p.image)) {
      expect(payload.userErrors.map((error) => error.code)).toEqual(["QUOTA_EXCEEDED"]);
    }
    const account = await app.prisma.account.findUniqueOrThrow({ where: { name: "race-quota" } });
    expect(await app.prisma.image.count({ where: { accountId: account.id } })).toBe(3);
  });

  // The benchmark's load (20 in flight, one account, one region) ended some creations in masked
  // "write conflict" errors on PostgreSQL once the serialization retries ran out.
  it("creates every image of 20 concurrent creations of one account, with no error", async () => {
    const key = await accountWithQuota("race-many", 100);
    const instances = [];
    for (let i = 0; i < 20; i++) instances.push(await vm(key));
    const results = await createAtOnce(instances, key, "many");
    expect(results.filter((result) => result.data?.createCustomImage.image)).toHaveLength(20);
  });

  // Even when the retries do not run out, each retry runs the whole transaction again: at 20 in
  // flight an average creation cost 50 statements on PostgreSQL instead of 18.
  it("runs one account's concurrent creations without a transaction run twice", async () => {
    const key = await accountWithQuota("race-turns", 100);
    const instances: { id: string }[] = [];
    for (let i = 0; i < 21; i++) instances.push(await vm(key));
    const create = (instanceId: string, name: string) =>
      gql(app.origin, CreateCustomImageDocument, { input: { instanceId, name } }, key);
    const alone = await statementsOf(app.statements, () => create(instances[20]!.id, "turns-alone"));
    const together = await statementsOf(app.statements, async () => {
      const results = await Promise.all(instances.slice(0, 20).map((vm, i) => create(vm.id, `turns-${i}`)));
      for (const result of results) expect(result.data?.createCustomImage.userErrors).toEqual([]);
    });
    expect(together).toHaveLength(20 * alone.length);
  });

  it("lets a release and an image creation racing on one instance never both succeed", async () => {
    const key = await accountWithQuota("race-release", 100);
    for (let round = 0; round < 6; round++) {
      const instance = await vm(key);
      const [created, released] = await Promise.all([
        gql(
          app.origin,
          CreateCustomImageDocument,
          { input: { instanceId: instance.id, name: `release-race-${round}` } },
          key,
        ),
        gql(app.origin, ReleaseInstanceDocument, { input: { instanceId: instance.id } }, key),
      ]);
      const image = created.data!.createCustomImage;
      const release = released.data!.releaseInstance;
      // Exactly one wins: the image (and the release is INSTANCE_LOCKED), or the release (and the
      // image is refused for the instance's status).
      expect(Boolean(image.image) !== Boolean(release.instance)).toBe(true);
      if (image.image) expect(release.userErrors.map((e) => e.code)).toEqual(["INSTANCE_LOCKED"]);
      else expect(image.userErrors.map((e) => e.code)).toEqual(["INCORRECT_INSTANCE_STATUS"]);
      const row = await app.prisma.instance.findUniqueOrThrow({ where: { id: instance.id } });
      expect(row.status).toBe(image.image ? "RUNNING" : "RELEASED");
      expect(row.lockedByImageId).toBe(image.image ? image.image.id : null);
    }
  });

  it("locks an instance for one image however many stops and creations race", async () => {
    const key = await accountWithQuota("race-lock", 100);
    const instance = await vm(key);
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        i % 3 === 0
          ? gql(app.origin, StopInstanceDocument, { input: { instanceId: instance.id } }, key).then((r) => ({
              stop: r.data!.stopInstance,
            }))
          : gql(
              app.origin,
              CreateCustomImageDocument,
              { input: { instanceId: instance.id, name: `lock-race-${i}`, clientToken: `lock-race-${i}` } },
              key,
            ).then((r) => ({ image: r.data!.createCustomImage })),
      ),
    );
    const images = results.flatMap((r) => ("image" in r && r.image.image ? [r.image.image] : []));
    const stops = results.flatMap((r) => ("stop" in r && r.stop.instance ? [r.stop.instance] : []));
    expect(images).toHaveLength(1);
    // A stop may go through before the image locks the instance (an image of a STOPPED instance is
    // allowed), never after: then it is INSTANCE_LOCKED. Only the first stop can win.
    expect(stops.length).toBeLessThanOrEqual(1);
    const row = await app.prisma.instance.findUniqueOrThrow({ where: { id: instance.id } });
    expect(row.lockedByImageId).toBe(images[0]!.id);
    const account = await app.prisma.account.findUniqueOrThrow({ where: { name: "race-lock" } });
    expect(await app.prisma.image.count({ where: { accountId: account.id } })).toBe(1);
  });
});

// Replicas that start together on one PostgreSQL seed it at once. SQLite serves one process, so
// there the gateways start one after another.
describe("replicas starting at the same time", () => {
  it("all start on one fresh database, which ends seeded once", async () => {
    const database = await createTestDatabase();
    const config = testConfig(database.url);
    const apps: App[] = [];
    try {
      const start = () =>
        startApp(config, { skipMigrations: true, clock }).then((started) => apps.push(started));
      if (database.provider === "postgresql") await Promise.all([start(), start(), start()]);
      else for (let i = 0; i < 3; i++) await start();
      expect(apps).toHaveLength(3);
      const [regions, accounts, systemImages] = await Promise.all([
        apps[0]!.prisma.region.count(),
        apps[0]!.prisma.account.count(),
        apps[0]!.prisma.image.count({ where: { ownerAlias: "SYSTEM" } }),
      ]);
      expect({ regions, accounts }).toEqual({ regions: 6, accounts: 1 });
      expect(systemImages).toBeGreaterThan(0);
      for (const started of apps) expect((await fetch(`${started.origin}/readyz`)).status).toBe(200);
    } finally {
      for (const started of apps) await started.close();
      await database.drop();
    }
  });
});
