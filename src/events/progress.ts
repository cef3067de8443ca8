import type { Image, Snapshot } from "../generated/prisma/client.ts";
import { createEventBus } from "./bus.ts";

/** A row as of one moment: progress fields derive from `observedAt`, not from when they are read. */
export type Observed<T> = T & { observedAt?: Date };

export type SnapshotRow = Observed<Snapshot>;
export type ImageRow = Observed<Image & { snapshots: SnapshotRow[] }>;

export interface ImageEvent {
  image: ImageRow;
  /** The snapshot whose progress changed; null for image-level events. */
  snapshot: SnapshotRow | null;
  /** The image's creation or copy ended: its status is final. */
  done: boolean;
  /** The image's own event number (src/events/sequence.ts): the same for every subscriber. */
  sequence: number;
}

export interface SnapshotEvent {
  snapshot: SnapshotRow;
  /** The snapshot reached ACCOMPLISHED or FAILED, or was deleted. */
  done: boolean;
  /** The snapshot's own event number. */
  sequence: number;
}

export type ProgressTopics = {
  image: [imageId: string, event: ImageEvent];
  snapshot: [snapshotId: string, event: SnapshotEvent];
};

export function createProgressEvents(
  redisUrl?: string,
  onError?: (error: Error) => void,
  channelPrefix?: string,
) {
  const events = createEventBus<ProgressTopics>(redisUrl, onError, channelPrefix);
  settlers.set(events.pubsub, events.settled);
  return events;
}

const settlers = new WeakMap<object, () => Promise<void>>();

export type ProgressBus = ReturnType<typeof createProgressEvents>["pubsub"];

/**
 * Starts listening at once (a pub/sub iterator otherwise attaches on its first read), so a
 * subscriber that reads the current state next misses no event published in between.
 */
export function listen<K extends keyof ProgressTopics>(bus: ProgressBus, topic: K, id: string) {
  const subscribe = bus.subscribe as (topic: K, id: string) => AsyncIterable<ProgressTopics[K][1]>;
  const iterator = subscribe(topic, id)[Symbol.asyncIterator]();
  let pending = iterator.next();
  const open = openListeners(bus);
  const listener = {
    /** Resolves once the subscription receives events: read the current state after it. */
    ready: settlers.get(bus)?.() ?? Promise.resolve(),
    async next(): Promise<IteratorResult<ProgressTopics[K][1]>> {
      const result = await pending;
      pending = iterator.next();
      return result;
    },
    async close(): Promise<void> {
      open.delete(listener);
      await iterator.return?.();
    },
  };
  open.add(listener);
  return listener;
}

const listeners = new WeakMap<ProgressBus, Set<{ close(): Promise<void> }>>();

function openListeners(bus: ProgressBus) {
  let open = listeners.get(bus);
  if (!open) {
    open = new Set();
    listeners.set(bus, open);
  }
  return open;
}

/** Ends every stream listening on the bus (shutdown): each completes instead of being cut. */
export async function closeListeners(bus: ProgressBus): Promise<void> {
  await Promise.all([...openListeners(bus)].map((listener) => listener.close()));
}
