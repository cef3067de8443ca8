import { GraphQLError } from "graphql";
import { listen, type ProgressTopics } from "../events/progress.ts";
import { type SequenceLedger, type SequenceTopic, sequenceFloor } from "../events/sequence.ts";
import type { GraphQLContext } from "./context.ts";

interface Listener<E> {
  /** Resolves once events reach the listener; the current state is read after it. */
  ready?: Promise<void>;
  next(): Promise<IteratorResult<E>>;
  close(): Promise<void>;
}

export interface StreamOptions<E extends { done: boolean; sequence: number }> {
  /** Already listening: events published while the current state is read are kept. */
  listener: Listener<E>;
  /** The current state as the first event, numbered as the last event published; null when the caller may not see the resource. */
  current: () => Promise<E | null>;
  notFound: string;
}

/**
 * A progress stream: the current state first, then each later event, then the last one (done)
 * and completion. Sequence numbers belong to the resource (src/events/sequence.ts), so every
 * subscriber of an image sees the same numbers and a gap is an event it missed. The publisher only
 * publishes what advances, so an event advances what the subscriber saw exactly when its number
 * is above the last one sent; older news (queued while the current state was read) is dropped.
 * A resource the caller may not see is a GraphQL error, not an empty stream.
 */
export async function progressStream<E extends { done: boolean; sequence: number }>(
  options: StreamOptions<E>,
): Promise<AsyncIterable<E>> {
  const { listener } = options;
  let first: E | null;
  try {
    await listener.ready;
    first = await options.current();
  } catch (error) {
    await listener.close();
    throw error;
  }
  if (!first) {
    await listener.close();
    throw new GraphQLError(options.notFound, { extensions: { code: "NOT_FOUND" } });
  }
  const initial = first;
  let sent: number | null = null;

  // A hand-written iterator rather than an async generator: `return` (the client unsubscribing)
  // must close the listener at once, not at the next event a generator would wake up for.
  let finished = false;
  const end = async (): Promise<IteratorResult<E>> => {
    finished = true;
    await listener.close();
    return { done: true, value: undefined };
  };
  const iterator: AsyncIterableIterator<E> = {
    [Symbol.asyncIterator]() {
      return iterator;
    },
    async next() {
      if (finished) return end();
      if (sent === null) {
        sent = initial.sequence;
        if (initial.done) finished = true;
        return { done: false, value: initial };
      }
      while (true) {
        const result = await listener.next();
        if (result.done || finished) return end();
        const event = result.value;
        // The end is always sent: nothing comes after it.
        if (!event.done && event.sequence <= sent) continue;
        sent = Math.max(sent, event.sequence);
        if (event.done) finished = true;
        return { done: false, value: event };
      }
    },
    return: end,
  };
  return iterator;
}

export interface Start<R> {
  row: R;
  sequence: number;
  /** The instant the first event shows the row at: the last event's while in progress, so the next event advances it. */
  at: Date;
  done: boolean;
}

/**
 * The first event of a stream: the row as it is now, numbered as the last event published on its
 * topic and shown as of that event (brought up to date just before), so the next event is exactly
 * one above and moves it forward.
 * The mark is read before the row: an end published in between is then in the row already.
 */
export async function startOf<R extends { createdAt: Date }>(
  ctx: { ledger: SequenceLedger; refreshProgress: (topic: SequenceTopic, id: string) => Promise<void> },
  topic: SequenceTopic,
  id: string,
  read: () => Promise<R | null>,
  inProgress: (row: R) => boolean,
  now: () => Date,
): Promise<Start<R> | null> {
  const { ledger } = ctx;
  // What moved since the last event is published first, so the state shown is the current one.
  await ctx.refreshProgress(topic, id);
  let mark = await ledger.last(topic, id);
  let row = await read();
  if (!row) return null;
  if (!inProgress(row)) {
    return { row, sequence: mark?.sequence ?? sequenceFloor(row.createdAt, now()), at: now(), done: true };
  }
  // No event yet (or none this ledger remembers): this subscriber's start becomes the topic's mark.
  mark ??= await ledger.current(topic, id, row.createdAt, now());
  if (mark.final) {
    // The end was published between the two reads.
    row = (await read()) ?? row;
    if (!inProgress(row)) return { row, sequence: mark.sequence, at: now(), done: true };
  }
  return { row, sequence: mark.sequence, at: mark.at, done: false };
}

/**
 * The subscription of one resource's progress (imageProgress, snapshotProgress): listening to its
 * topic first, then its current state as the first event (startOf), then the events (progressStream).
 */
export function resourceProgress<
  K extends keyof ProgressTopics & SequenceTopic,
  R extends { createdAt: Date },
>(
  ctx: GraphQLContext,
  topic: K,
  id: string,
  resource: {
    read: () => Promise<R | null>;
    inProgress: (row: R) => boolean;
    /** The first event, from the row as of `start.at`. */
    first: (row: R & { observedAt: Date }, start: Start<R>) => ProgressTopics[K][1];
    notFound: string;
  },
): Promise<AsyncIterable<ProgressTopics[K][1]>> {
  return progressStream({
    listener: listen(ctx.bus, topic, id),
    current: async () => {
      const start = await startOf(ctx, topic, id, resource.read, resource.inProgress, () => ctx.clock.now());
      return start ? resource.first({ ...start.row, observedAt: start.at }, start) : null;
    },
    notFound: resource.notFound,
  });
}
