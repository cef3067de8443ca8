import { GraphQLError } from "graphql";
import { snapshotProgress } from "../domain/progress.ts";
import type { Snapshot } from "../generated/prisma/client.ts";

interface Listener<E> {
  next(): Promise<IteratorResult<E>>;
  close(): Promise<void>;
}

export interface StreamOptions<E extends { done: boolean }> {
  /** Already listening: events published while the current state is read are kept. */
  listener: Listener<E>;
  /** The current state as the first event; null when the caller may not see the resource. */
  current: () => Promise<E | null>;
  notFound: string;
  /** Snapshots an event reports on, to drop events that would not move their progress forward. */
  snapshotsOf: (event: E) => Snapshot[];
  /** Every snapshot the first event shows, so later events are measured against it. */
  stateOf: (event: E) => Snapshot[];
  /** The streamed resource's own status: a change of it (e.g. WAITING → CREATING) is an event too. */
  statusOf: (event: E) => string;
  observedAt: (event: E) => Date;
}

/**
 * A progress stream: the current state first, then each change with a strictly increasing
 * sequence and progress that never goes back, then the last event (done) and completion.
 * A resource the caller may not see is a GraphQL error, not an empty stream.
 */
export async function progressStream<E extends { done: boolean }>(
  options: StreamOptions<E>,
): Promise<AsyncIterable<E & { sequence: number }>> {
  const { listener } = options;
  let first: E | null;
  try {
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
  const seen = new Map<string, { status: string; progress: number }>();
  const record = (snapshot: Snapshot, at: Date): boolean => {
    const progress = snapshotProgress(snapshot, at).progress;
    const last = seen.get(snapshot.id);
    if (last && last.status === snapshot.status && progress <= last.progress) return false;
    seen.set(snapshot.id, { status: snapshot.status, progress: Math.max(progress, last?.progress ?? 0) });
    return true;
  };
  let status = options.statusOf(initial);
  const since = options.observedAt(initial).getTime();
  for (const snapshot of options.stateOf(initial)) record(snapshot, options.observedAt(initial));

  /** Whether an event tells the subscriber something new; older news than the first event does not. */
  const worthSending = (event: E): boolean => {
    if (event.done) return true;
    if (options.observedAt(event).getTime() < since) return false;
    let news = options.statusOf(event) !== status;
    status = options.statusOf(event);
    for (const snapshot of options.snapshotsOf(event))
      news = record(snapshot, options.observedAt(event)) || news;
    return news;
  };

  // A hand-written iterator rather than an async generator: `return` (the client unsubscribing)
  // must close the listener at once, not at the next event a generator would wake up for.
  let sequence = 0;
  let finished = false;
  const end = async (): Promise<IteratorResult<E & { sequence: number }>> => {
    finished = true;
    await listener.close();
    return { done: true, value: undefined };
  };
  const iterator: AsyncIterableIterator<E & { sequence: number }> = {
    [Symbol.asyncIterator]() {
      return iterator;
    },
    async next() {
      if (finished) return end();
      if (sequence === 0) {
        sequence = 1;
        if (initial.done) finished = true;
        return { done: false, value: { ...initial, sequence } };
      }
      while (true) {
        const result = await listener.next();
        if (result.done || finished) return end();
        if (!worthSending(result.value)) continue;
        sequence += 1;
        if (result.value.done) finished = true;
        return { done: false, value: { ...result.value, sequence } };
      }
    },
    return: end,
  };
  return iterator;
}
