/** The fan-out: graphql-ws subscribers spread over images in flight, then engine ticks of snapshot events. */
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { createClient } from "graphql-ws";
import WebSocket from "ws";
import { check, createImage, createInstance } from "../lib/http.ts";
import { FANOUT_IMAGES, flags, KEY, SUBSCRIBERS, TICKS } from "../lib/options.ts";
import { type Child, call, profiled } from "../lib/processes.ts";
import { percentile, round } from "../lib/stats.ts";

export const SUBSCRIPTION = `subscription Watch($id: ID!) {
  imageProgress(imageId: $id) { sequence done image { id status progress } snapshot { id status progress } }
}`;

export interface FanOut {
  subscribers: number;
  images: number;
  ticks: number;
  kibPerSubscriberRss: number;
  kibPerSubscriberHeap: number;
  cpuMicrosPerEvent: number;
  delivered: number;
  spreadP50Ms: number;
  spreadP99Ms: number;
  missed: number;
  subscribersMissing: number;
  connectSeconds: number;
}

export interface Usage {
  cpu: { user: number; system: number };
  memory: { rss: number; heapUsed: number };
}

export async function fanOut(gateway: Child): Promise<FanOut> {
  const imageIds: string[] = [];
  for (let i = 0; i < FANOUT_IMAGES; i++) {
    const instanceId = await createInstance(gateway.origin, "cn-beijing", `fan-${i}`);
    imageIds.push(await createImage(gateway.origin, instanceId, `fan-image-${i}`));
  }
  const snapshots = flags["heap-snapshots"];
  if (snapshots) await call(gateway, { type: "heapSnapshot", path: join(snapshots, "before.heapsnapshot") });
  // The statement log keeps the text of up to 10,000 statements (for the SQL counts): emptied before
  // each reading so that its growth is not counted as the subscribers'.
  await call(gateway, { type: "resetStatements" });
  const before = await call<Usage>(gateway, { type: "usage" });
  const url = `${gateway.origin.replace("http", "ws")}/graphql`;
  interface Subscriber {
    image: number;
    /** `snapshotId status progress` of every event after the first. */
    seen: Set<string>;
    first: boolean;
    errors: number;
  }
  const subscribers: Subscriber[] = [];
  /** Each event after the first, with the tick that published it (-1: before the first tick). */
  const receivedAt: { key: string; at: number; tick: number }[] = [];
  let currentTick = -1;
  let lastEvent = Date.now();
  const clients = [];
  const t0 = performance.now();
  const firstEvents: Promise<void>[] = [];
  for (let i = 0; i < SUBSCRIBERS; i++) {
    const subscriber: Subscriber = { image: i % FANOUT_IMAGES, seen: new Set(), first: false, errors: 0 };
    subscribers.push(subscriber);
    const client = createClient({
      url,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: true,
      connectionParams: { authorization: `Bearer ${KEY}` },
    });
    clients.push(client);
    firstEvents.push(
      new Promise<void>((resolveFirst) => {
        client.subscribe<{
          imageProgress: {
            sequence: number;
            snapshot: { id: string; status: string; progress: number } | null;
          };
        }>(
          { query: SUBSCRIPTION, variables: { id: imageIds[subscriber.image] } },
          {
            next: ({ data }) => {
              const at = Date.now();
              lastEvent = at;
              if (!subscriber.first) {
                subscriber.first = true;
                resolveFirst();
                return;
              }
              const s = data?.imageProgress.snapshot;
              const key = s ? `${s.id} ${s.status} ${s.progress}` : `image ${data?.imageProgress.sequence}`;
              subscriber.seen.add(key);
              receivedAt.push({ key, at, tick: currentTick });
            },
            error: () => {
              subscriber.errors += 1;
              resolveFirst();
            },
            complete: () => undefined,
          },
        );
      }),
    );
    // Connect in batches so the handshakes do not time out on a busy machine.
    if (i % 200 === 199) await Promise.all(firstEvents.slice(i - 199));
  }
  await Promise.all(firstEvents);
  const connectSeconds = (performance.now() - t0) / 1000;
  const errors = subscribers.reduce((n, s) => n + s.errors, 0);
  check(errors === 0, `fan-out: ${errors} subscriptions failed`);
  await call(gateway, { type: "resetStatements" });
  const connected = await call<Usage>(gateway, { type: "usage" });
  if (snapshots)
    await call(gateway, { type: "heapSnapshot", path: join(snapshots, "connected.heapsnapshot") });

  const tickTimes: number[] = [];
  await profiled(gateway, "fanout", async () => {
    for (let tick = 0; tick < TICKS; tick++) {
      await call(gateway, { type: "advance", ms: 1000 });
      currentTick = tick;
      const { publishedAt: at } = await call<{ publishedAt: number }>(gateway, { type: "tick" });
      tickTimes.push(at);
      // Settled: no event for 300 ms (every subscriber of an image got what the others got, or never will).
      lastEvent = Date.now();
      while (Date.now() - lastEvent < 300) await new Promise((r) => setTimeout(r, 50));
    }
  });
  const after = await call<Usage>(gateway, { type: "usage" });
  const delivered = receivedAt.length;
  check(delivered > 0, "fan-out: no event was delivered");
  const spreads = receivedAt.filter((r) => r.tick >= 0).map(({ tick, at }) => at - tickTimes[tick]!);

  // Missed: events some subscribers of an image received and others did not.
  const union = Array.from({ length: FANOUT_IMAGES }, () => new Set<string>());
  for (const s of subscribers) for (const key of s.seen) union[s.image]!.add(key);
  let missed = 0;
  let subscribersMissing = 0;
  for (const s of subscribers) {
    const gap = union[s.image]!.size - s.seen.size;
    missed += gap;
    if (gap > 0) subscribersMissing += 1;
  }
  await Promise.all(clients.map((c) => c.dispose()));
  const cpuMicros = after.cpu.user + after.cpu.system - (connected.cpu.user + connected.cpu.system);
  return {
    subscribers: SUBSCRIBERS,
    images: FANOUT_IMAGES,
    ticks: TICKS,
    kibPerSubscriberRss: round((connected.memory.rss - before.memory.rss) / 1024 / SUBSCRIBERS),
    kibPerSubscriberHeap: round((connected.memory.heapUsed - before.memory.heapUsed) / 1024 / SUBSCRIBERS),
    // The settle waits are idle time: the CPU counted is the work of publishing and delivering.
    cpuMicrosPerEvent: round(cpuMicros / delivered),
    delivered,
    spreadP50Ms: percentile(spreads, 0.5),
    spreadP99Ms: percentile(spreads, 0.99),
    missed,
    subscribersMissing,
    connectSeconds: round(connectSeconds),
  };
}
