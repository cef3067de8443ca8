import { print } from "graphql";
import { loadLimitsConfig } from "../../src/config-limits.ts";
import { createAccount } from "../../src/domain/accounts.ts";
import { type App, startApp } from "../../src/server/app.ts";
import { DEMO_KEY, type TestApp } from "../support/app.ts";
import { wsClient } from "../support/client.ts";
import { ManualClock } from "../support/clock.ts";
import { SnapshotProgressDocument } from "../support/documents/snapshots.ts";
import { newInstance } from "../support/fixtures.ts";
import { requireService } from "../support/services.ts";
import { beforeAll, describe, expect, it, useReplicas, useServer } from "../support/test.ts";

const BUCKET = 100;
const RESTORE = 10;
const limits = { ...loadLimitsConfig({}), rateLimitBucket: BUCKET, rateLimitRestorePerSecond: RESTORE };

/** 2 for the connection + 10 × (edges 1 + node 1). */
const TWENTY_TWO = "{ instances(first: 10) { edges { node { id } } } }";

interface Cost {
  requestedQueryCost: number;
  throttleStatus: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number };
}
interface Answer {
  status: number;
  retryAfter: string | null;
  body: { data?: unknown; errors?: { extensions?: { code?: string } }[]; extensions?: { cost?: Cost } };
}

async function post(origin: string, query: string, key: string, variables?: object): Promise<Answer> {
  const response = await fetch(`${origin}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    retryAfter: response.headers.get("retry-after"),
    body: await response.json(),
  };
}

const rateClock = new ManualClock();
useServer({ rateClock, config: { progressIntervalMs: 3_600_000, limits } });

describe("per-account cost buckets (in memory)", () => {
  let app: TestApp;
  beforeAll(({ server }) => {
    app = server;
  });

  it("reports the cost and the bucket on every response, and throttles with 429 when it is empty", async () => {
    const key = await app.newAccount("bucket-a");
    const seen: Cost[] = [];
    for (let i = 0; i < 4; i++) {
      const answer = await post(app.origin, TWENTY_TWO, key);
      expect(answer.status).toBe(200);
      seen.push(answer.body.extensions!.cost!);
    }
    expect(seen.map((c) => c.throttleStatus.currentlyAvailable)).toEqual([78, 56, 34, 12]);
    expect(seen[0]).toEqual({
      requestedQueryCost: 22,
      throttleStatus: { maximumAvailable: BUCKET, currentlyAvailable: 78, restoreRate: RESTORE },
    });
    const throttled = await post(app.origin, TWENTY_TWO, key);
    expect(throttled.status).toBe(429);
    expect(throttled.body.data).toBeUndefined();
    expect(throttled.body.errors?.[0]?.extensions?.code).toBe("THROTTLED");
    expect(throttled.body.extensions?.cost?.throttleStatus.currentlyAvailable).toBe(12);
    expect(throttled.retryAfter).toBe("1");
    // A cheaper operation still fits; another account has its own bucket.
    expect((await post(app.origin, "{ viewer { id } }", key)).status).toBe(200);
    expect((await post(app.origin, TWENTY_TWO, DEMO_KEY)).status).toBe(200);
    // One second gives 10 points back: 11 + 10 < 22 still; two seconds are enough.
    rateClock.advance(1_000);
    expect((await post(app.origin, TWENTY_TWO, key)).status).toBe(429);
    rateClock.advance(1_000);
    const again = await post(app.origin, TWENTY_TWO, key);
    expect(again.status).toBe(200);
    expect(again.body.extensions?.cost?.throttleStatus.currentlyAvailable).toBe(9);
    // The bucket never fills beyond its size.
    rateClock.advance(3_600_000);
    expect(
      (await post(app.origin, "{ viewer { id } }", key)).body.extensions?.cost?.throttleStatus,
    ).toMatchObject({
      currentlyAvailable: BUCKET - 1,
    });
  });

  it("charges mutations, and subscriptions when they start, reporting on their first event", async () => {
    const key = await app.newAccount("bucket-b");
    const created = await newInstance(
      app.origin,
      {
        name: "rate-sub",
        dataDisks: [{ sizeGiB: 40 }],
      },
      key,
    );
    const disk = created.disks.find((d) => d.type === "DATA")!;
    const snapshot = await post(
      app.origin,
      "mutation($d: ID!) { createSnapshot(input: { diskId: $d }) { snapshot { id } } }",
      key,
      { d: disk.id },
    );
    const afterMutation = snapshot.body.extensions!.cost!;
    expect(afterMutation.requestedQueryCost).toBe(2);
    const snapshotId = (snapshot.body.data as { createSnapshot: { snapshot: { id: string } } }).createSnapshot
      .snapshot.id;
    const client = wsClient(app.origin, key);
    const first = await new Promise<{ extensions?: { cost?: Cost } }>((resolve, reject) => {
      client.subscribe(
        { query: print(SnapshotProgressDocument), variables: { snapshotId } },
        { next: (value) => resolve(value as never), error: reject, complete: () => undefined },
      );
    });
    expect(first.extensions?.cost?.requestedQueryCost).toBe(2);
    expect(first.extensions?.cost?.throttleStatus.currentlyAvailable).toBe(
      afterMutation.throttleStatus.currentlyAvailable - 2,
    );
    // Empty the bucket (the clock stands still): then a subscription is refused when it starts.
    let answers = 0;
    while ((await post(app.origin, "{ viewer { id } }", key)).status === 200) answers++;
    expect(answers).toBe(first.extensions!.cost!.throttleStatus.currentlyAvailable);
    const refused = await new Promise<unknown>((resolve) => {
      client.subscribe(
        { query: print(SnapshotProgressDocument), variables: { snapshotId } },
        { next: resolve, error: resolve, complete: () => undefined },
      );
    });
    expect(JSON.stringify(refused)).toContain("THROTTLED");
    await client.dispose();
  });
});

const REDIS_URL = requireService(
  "redis",
  "test/transport/rate-limit.test.ts (buckets shared by replicas through Redis)",
);

useReplicas({ rateClock, config: { progressIntervalMs: 3_600_000, limits } });

describe.skipIf(!REDIS_URL)("per-account cost buckets shared by replicas through Redis", () => {
  let one: App;
  let two: App;
  beforeAll(({ replicas }) => {
    [one, two] = replicas as [App, App];
  });

  it("takes one account's cost from one bucket whichever replica answers", async () => {
    // A new account each run: its bucket's key is new in Redis.
    const { apiKey } = await createAccount(one.prisma, `rate-${Date.now().toString(36)}`);
    const available: number[] = [];
    for (const app of [one, two, one, two]) {
      const answer = await post(app.origin, TWENTY_TWO, apiKey);
      expect(answer.status).toBe(200);
      available.push(answer.body.extensions!.cost!.throttleStatus.currentlyAvailable);
    }
    expect(available).toEqual([78, 56, 34, 12]);
    expect((await post(two.origin, TWENTY_TWO, apiKey)).status).toBe(429);
    expect((await post(one.origin, TWENTY_TWO, apiKey)).status).toBe(429);
    rateClock.advance(2_000);
    const restored = await post(two.origin, TWENTY_TWO, apiKey);
    expect(restored.status).toBe(200);
    expect(restored.body.extensions?.cost?.throttleStatus.currentlyAvailable).toBe(10);
  });
  it("keeps the buckets of replicas with another REDIS_PREFIX (another environment) apart", async () => {
    const other = await startApp(
      { ...one.config, redisPrefix: `${one.config.redisPrefix}-other-${Date.now().toString(36)}` },
      { skipMigrations: true, rateClock },
    );
    try {
      const { apiKey } = await createAccount(one.prisma, `rate-env-${Date.now().toString(36)}`);
      expect(
        (await post(one.origin, TWENTY_TWO, apiKey)).body.extensions?.cost?.throttleStatus.currentlyAvailable,
      ).toBe(78);
      const elsewhere = await post(other.origin, TWENTY_TWO, apiKey);
      expect(elsewhere.body.extensions?.cost?.throttleStatus.currentlyAvailable).toBe(78);
    } finally {
      await other.close();
    }
  });
});
