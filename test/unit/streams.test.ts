import { describe, expect, it } from "vitest";
import type { Snapshot } from "../../src/generated/prisma/client.ts";
import { progressStream } from "../../src/schema/streams.ts";

interface Event {
  done: boolean;
  at: Date;
  status: string;
  snapshot: Snapshot | null;
  all: Snapshot[];
}

const T0 = Date.parse("2026-11-27T10:00:00.000Z");
const snapshot = (status: Snapshot["status"], progress = 0): Snapshot =>
  ({
    id: "s-1",
    status,
    sourceDiskSizeGiB: 100,
    startedAt: new Date(T0),
    gibPerSecond: 10,
    progress,
  }) as Snapshot;
/** 100 GiB at 10 GiB/s: 1 % every 100 ms. */
const at = (ms: number) => new Date(T0 + ms);

/** A listener fed by hand, recording whether it was closed. */
function fakeListener(events: Event[]) {
  const waiting: ((r: IteratorResult<Event>) => void)[] = [];
  const state = { closed: false };
  return {
    state,
    push(event: Event) {
      const take = waiting.shift();
      if (take) take({ done: false, value: event });
      else events.push(event);
    },
    listener: {
      next: () =>
        new Promise<IteratorResult<Event>>((resolve) => {
          if (state.closed) return resolve({ done: true, value: undefined });
          const event = events.shift();
          if (event) resolve({ done: false, value: event });
          else waiting.push(resolve);
        }),
      close: async () => {
        state.closed = true;
        for (const take of waiting.splice(0)) take({ done: true, value: undefined });
      },
    },
  };
}

function stream(feed: ReturnType<typeof fakeListener>, first: Event) {
  return progressStream<Event>({
    listener: feed.listener,
    current: async () => first,
    notFound: "nope",
    snapshotsOf: (e) => (e.snapshot ? [e.snapshot] : []),
    stateOf: (e) => e.all,
    statusOf: (e) => e.status,
    observedAt: (e) => e.at,
  });
}

describe("progressStream", () => {
  it("drops news older than the first event, so progress never goes back", async () => {
    const s = snapshot("PROGRESSING");
    // Published at 4.0 s but still queued when the current state was read at 4.4 s.
    const stale: Event = { done: false, at: at(4_000), status: "CREATING", snapshot: s, all: [s] };
    const fresh: Event = { done: false, at: at(5_000), status: "CREATING", snapshot: s, all: [s] };
    const last: Event = {
      done: true,
      at: at(10_000),
      status: "AVAILABLE",
      snapshot: snapshot("ACCOMPLISHED", 100),
      all: [],
    };
    const feed = fakeListener([stale, fresh, last]);
    const iterator = (
      await stream(feed, { done: false, at: at(4_400), status: "CREATING", snapshot: null, all: [s] })
    )[Symbol.asyncIterator]();
    const seen: { sequence: number; at: number }[] = [];
    for (let r = await iterator.next(); !r.done; r = await iterator.next()) {
      seen.push({ sequence: r.value.sequence, at: r.value.at.getTime() - T0 });
    }
    expect(seen).toEqual([
      { sequence: 1, at: 4_400 },
      { sequence: 2, at: 5_000 },
      { sequence: 3, at: 10_000 },
    ]);
    expect(feed.state.closed).toBe(true);
  });

  it("closes its listener as soon as the subscriber leaves, without waiting for another event", async () => {
    const s = snapshot("PROGRESSING");
    const feed = fakeListener([]);
    const iterator = (
      await stream(feed, { done: false, at: at(0), status: "CREATING", snapshot: null, all: [s] })
    )[Symbol.asyncIterator]();
    expect((await iterator.next()).value?.sequence).toBe(1);
    const pending = iterator.next();
    await iterator.return?.();
    expect(feed.state.closed).toBe(true);
    expect(await pending).toEqual({ done: true, value: undefined });
  });
});
