import { describe, expect, it } from "vitest";
import { progressStream } from "../../src/schema/streams.ts";

interface Event {
  done: boolean;
  sequence: number;
  progress: number;
}

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

async function collect(feed: ReturnType<typeof fakeListener>, first: Event) {
  const iterator = (
    await progressStream<Event>({ listener: feed.listener, current: async () => first, notFound: "nope" })
  )[Symbol.asyncIterator]();
  const seen: Event[] = [];
  for (let r = await iterator.next(); !r.done; r = await iterator.next()) seen.push(r.value);
  return seen;
}

describe("progressStream", () => {
  it("starts at the resource's own sequence and drops what the first event already covered", async () => {
    // Published as 7 and 8 but still queued when the current state (as of 8) was read.
    const feed = fakeListener([
      { done: false, sequence: 7, progress: 30 },
      { done: false, sequence: 8, progress: 35 },
      { done: false, sequence: 9, progress: 40 },
      { done: true, sequence: 10, progress: 100 },
    ]);
    const seen = await collect(feed, { done: false, sequence: 8, progress: 35 });
    expect(seen.map((e) => e.sequence)).toEqual([8, 9, 10]);
    expect(feed.state.closed).toBe(true);
  });

  it("keeps the numbers it was given, so a gap shows an event the subscriber missed", async () => {
    const feed = fakeListener([
      { done: false, sequence: 3, progress: 20 },
      { done: false, sequence: 5, progress: 40 },
      { done: true, sequence: 6, progress: 100 },
    ]);
    const seen = await collect(feed, { done: false, sequence: 2, progress: 10 });
    expect(seen.map((e) => e.sequence)).toEqual([2, 3, 5, 6]);
  });

  it("always sends the end, and nothing after it", async () => {
    const feed = fakeListener([
      { done: true, sequence: 4, progress: 100 },
      { done: false, sequence: 9, progress: 50 },
    ]);
    const seen = await collect(feed, { done: false, sequence: 4, progress: 60 });
    expect(seen.map((e) => [e.sequence, e.done])).toEqual([
      [4, false],
      [4, true],
    ]);
  });

  it("is one event for a resource that already ended", async () => {
    const feed = fakeListener([{ done: false, sequence: 9, progress: 50 }]);
    const seen = await collect(feed, { done: true, sequence: 12, progress: 100 });
    expect(seen).toEqual([{ done: true, sequence: 12, progress: 100 }]);
    expect(feed.state.closed).toBe(true);
  });

  it("closes its listener as soon as the subscriber leaves, without waiting for another event", async () => {
    const feed = fakeListener([]);
    const iterator = (
      await progressStream<Event>({
        listener: feed.listener,
        current: async () => ({ done: false, sequence: 1, progress: 0 }),
        notFound: "nope",
      })
    )[Symbol.asyncIterator]();
    expect((await iterator.next()).value?.sequence).toBe(1);
    const pending = iterator.next();
    await iterator.return?.();
    expect(feed.state.closed).toBe(true);
    expect(await pending).toEqual({ done: true, value: undefined });
  });
});
