import { setMaxListeners } from "node:events";
import { createRedisEventTarget } from "@graphql-yoga/redis-event-target";
import { createPubSub } from "graphql-yoga";
import { Redis } from "ioredis";
import { closeRedis, failFastRedis, REDIS_COMMAND_TIMEOUT_MS } from "./redis-client.ts";

/** Rows cross Redis as JSON: their instants (every such column ends in "At") come back as Dates. */
function reviveInstants(key: string, value: unknown): unknown {
  return typeof value === "string" && key.endsWith("At") && /^\d{4}-\d{2}-\d{2}T/.test(value)
    ? new Date(value)
    : value;
}

export interface EventBus<T extends { [K in keyof T]: [string, unknown] }> {
  pubsub: ReturnType<typeof createPubSub<{ [K in keyof T & string]: T[K] }>>;
  /** Resolves true when the transport answers (always, in memory). */
  ready(): Promise<boolean>;
  /** Resolves once every subscription made so far receives events (Redis confirms SUBSCRIBE asynchronously). */
  settled(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Typed topics keyed by resource ID. Events carry the rows they describe, so subscribers never
 * read the database per event. In memory by default; with a Redis URL, events fan out through
 * Redis to every replica's subscribers (Yoga's Redis event target).
 */
export function createEventBus<T extends { [K in keyof T]: [string, unknown] }>(
  redisUrl?: string,
  onError: (error: Error) => void = () => undefined,
  channelPrefix = "",
): EventBus<T> {
  if (!redisUrl) {
    const eventTarget = new EventTarget();
    // Every subscriber of a topic is a listener; thousands on one image are expected, not a leak.
    setMaxListeners(0, eventTarget);
    return {
      pubsub: createPubSub<{ [K in keyof T & string]: T[K] }>({ eventTarget }),
      ready: async () => true,
      settled: async () => undefined,
      close: async () => undefined,
    };
  }
  // ioredis reconnects by itself; report each new kind of failure once instead of on every retry.
  let lastError = "";
  const report = (error: Error) => {
    if (error.message === lastError) return;
    lastError = error.message;
    onError(error);
  };
  // Publishing fails at once while Redis is away (an event nobody can receive is dropped; the
  // image's next event carries its whole state), instead of queueing for the reconnection.
  const publishClient = failFastRedis(redisUrl, { onError: report });
  // The subscriber keeps ioredis's offline queue: a SUBSCRIBE made while Redis is away is sent
  // when it is back (and the ones made before are renewed), so a stream resumes by itself.
  const subscribeClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  subscribeClient.on("error", report);
  for (const client of [publishClient, subscribeClient]) {
    client.on("ready", () => {
      lastError = "";
    });
  }
  // Yoga's Redis event target does not handle the promise of a PUBLISH: a failed one is reported here.
  const publisher = {
    publish: (channel: string, message: string) =>
      publishClient.publish(channel, message).catch((error: Error) => report(error)),
  } as unknown as Redis;
  const eventTarget = prefixedChannels(
    createRedisEventTarget({
      publishClient: publisher,
      subscribeClient,
      serializer: { stringify: JSON.stringify, parse: (message) => JSON.parse(message, reviveInstants) },
    }),
    channelPrefix,
  );
  return {
    pubsub: createPubSub<{ [K in keyof T & string]: T[K] }>({ eventTarget }),
    ready: async () => (await publishClient.ping().catch(() => null)) === "PONG",
    settled: async () => {
      // Commands on one connection are answered in order: once PING is, earlier SUBSCRIBEs are active.
      // A client still connecting holds the SUBSCRIBE in its offline queue: the PING waits behind it.
      // Bounded: while Redis is away the subscriber reads the current state without waiting; its
      // SUBSCRIBE is sent when Redis is back.
      await new Promise((resolve) => setImmediate(resolve));
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        subscribeClient.ping().catch(() => undefined),
        new Promise((resolve) => {
          timer = setTimeout(resolve, REDIS_COMMAND_TIMEOUT_MS);
        }),
      ]);
      clearTimeout(timer);
    },
    close: async () => {
      for (const client of [publishClient, subscribeClient]) await closeRedis(client);
    },
  };
}

/**
 * Redis channels are one namespace per server, whatever the database number: environments that
 * share a Redis (another REDIS_PREFIX) must not hear each other's events.
 */
function prefixedChannels(target: EventTarget, prefix: string): EventTarget {
  if (!prefix) return target;
  return {
    addEventListener: (topic, callback, options) =>
      target.addEventListener(prefix + topic, callback, options),
    removeEventListener: (topic, callback, options) =>
      target.removeEventListener(prefix + topic, callback, options),
    dispatchEvent: (event) =>
      target.dispatchEvent(new CustomEvent(prefix + event.type, { detail: (event as CustomEvent).detail })),
  };
}
