import { afterAll, describe, expect, it } from "vitest";
import { createProgressEvents, type ImageEvent, listen } from "../../src/events/progress.ts";
import { skipWithoutRedis, TEST_REDIS_URL, uniquePrefix } from "../support/redis.ts";

const skip = skipWithoutRedis("REDIS_URL: environments on one Redis keep their events apart");
const opened: { close(): Promise<void> }[] = [];
afterAll(() => Promise.all(opened.map((events) => events.close())));

function bus(prefix: string) {
  const events = createProgressEvents(TEST_REDIS_URL, undefined, `${prefix}:events:`);
  opened.push(events);
  return events;
}

function event(name: string): ImageEvent {
  return { image: { id: "m-shared", name } as ImageEvent["image"], snapshot: null, done: false, sequence: 1 };
}

describe.skipIf(skip)("Redis event channels under REDIS_PREFIX", () => {
  it("a listener on a bus still connecting to Redis is ready only once its SUBSCRIBE is active", async () => {
    const prefix = uniquePrefix("connecting");
    const publisher = bus(prefix);
    const replica = bus(prefix);
    const heard = listen(replica.pubsub, "image", "m-shared");
    await heard.ready;
    publisher.pubsub.publish("image", "m-shared", event("right after ready"));
    expect((await heard.next()).value?.image.name).toBe("right after ready");
    await heard.close();
  });

  it("a replica hears its own environment's events and never another's on the same Redis", async () => {
    const staging = uniquePrefix("staging");
    const production = uniquePrefix("production");
    const stagingPublisher = bus(staging);
    const stagingReplica = bus(staging);
    const productionReplica = bus(production);
    const heardInStaging = listen(stagingReplica.pubsub, "image", "m-shared");
    const heardInProduction = listen(productionReplica.pubsub, "image", "m-shared");
    await Promise.all([heardInStaging.ready, heardInProduction.ready]);

    stagingPublisher.pubsub.publish("image", "m-shared", event("from staging"));
    expect((await heardInStaging.next()).value?.image.name).toBe("from staging");
    // Redis delivered staging's message before it takes this one: were the channels shared, the
    // production subscriber's connection would have the staging event first.
    productionReplica.pubsub.publish("image", "m-shared", event("from production"));
    expect((await heardInProduction.next()).value?.image.name).toBe("from production");

    await Promise.all([heardInStaging.close(), heardInProduction.close()]);
  });
});
