import { setMaxListeners } from "node:events";
import { createRedisEventTarget } from "@graphql-yoga/redis-event-target";
import { createPubSub } from "graphql-yoga";
import { Redis } from "ioredis";

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
  const publishClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  const subscribeClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  // ioredis reconnects by itself; report each new kind of failure once instead of on every retry.
  let lastError = "";
  for (const client of [publishClient, subscribeClient]) {
    client.on("error", (error: Error) => {
      if (error.message === lastError) return;
      lastError = error.message;
      onError(error);
    });
    client.on("ready", () => {
      lastError = "";
    });
  }
  const eventTarget = prefixedChannels(
    createRedisEventTarget({
      publishClient,
      subscribeClient,
      serializer: { stringify: JSON.stringify, parse: (message) => JSON.parse(message, reviveInstants) },
    }),
    channelPrefix,
  );
  return {
    pubsub: createPubSub<{ [K in keyof T & string]: T[K] }>({ eventTarget }),
    ready: async () => (await publishClient.ping()) === "PONG",
    settled: async () => {
      // Commands on one connection are answered in order: once PING is, earlier SUBSCRIBEs are active.
      // A client still connecting holds the SUBSCRIBE in its offline queue: the PING waits behind it.
      await new Promise((resolve) => setImmediate(resolve));
      await subscribeClient.ping().catch(() => undefined);
    },
    close: async () => {
      // quit() waits for replies a client that never connected would not get.
      for (const client of [publishClient, subscribeClient]) {
        if (client.status === "ready") await client.quit();
        else client.disconnect();
      }
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
