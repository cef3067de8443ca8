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
  const seen = new Map<string, { status: string; progress: number }>();
  let status: string | null = null;
  const advances = (event: E): boolean => {
    let moved = status !== options.statusOf(event);
    status = options.statusOf(event);
    for (const snapshot of options.snapshotsOf(event)) {
      const progress = snapshotProgress(snapshot, options.observedAt(event)).progress;
      const last = seen.get(snapshot.id);
      if (!last || last.status !== snapshot.status || progress > last.progress) {
        seen.set(snapshot.id, { status: snapshot.status, progress });
        moved = true;
      }
    }
    return moved;
  };
  const initial = first;
  advances(initial);
  return (async function* relay() {
    let sequence = 1;
    try {
      yield { ...initial, sequence };
      if (initial.done) return;
      while (true) {
        const { value, done } = await listener.next();
        if (done) return;
        if (!value.done && !advances(value)) continue;
        sequence += 1;
        yield { ...value, sequence };
        if (value.done) return;
      }
    } finally {
      await listener.close();
    }
  })();
}
