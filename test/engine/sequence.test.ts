import { ManualClock } from "../support/clock.ts";
import { ImageDocument, ImageProgressDocument } from "../support/documents/images.ts";
import { newImage } from "../support/fixtures.ts";
import { type Stream, subscribeWs } from "../support/stream.ts";
import { describe, expect, it, useServer } from "../support/test.ts";

const clock = new ManualClock();

// Time moves only when the test says so, and the engine steps only when the test ticks it.
useServer({ clock, config: { progressIntervalMs: 3_600_000, snapshotGibPerSecond: 10 } });

type Event = Awaited<Stream<{ imageProgress: unknown }>["finished"]>[number] & {
  imageProgress: {
    sequence: number;
    done: boolean;
    image: { status: string; progress: number };
    snapshot: { device: string; progress: number; status: string } | null;
  };
};

describe("progress sequences belong to the image", () => {
  it("gives every subscriber the same numbers, gap-free from its first event (its current state), however late it joins", async ({
    server,
    client,
  }) => {
    const image = await newImage(
      server.origin,
      { name: "watched-image" },
      {
        name: "watched",
        dataDisks: [{ sizeGiB: 40 }, { sizeGiB: 60 }],
      },
    );
    const imageId = image.id;

    const clients = [client.ws(), client.ws(), client.ws()];
    const subscribers: { stream: Stream<Event>; joinedAtProgress: number }[] = [];
    // 8 subscribers join at each of 13 moments while the image moves (60 GiB at 10 GiB/s: 6 s).
    for (let round = 0; round < 13; round++) {
      const now = await client.data(ImageDocument, { id: imageId });
      for (let k = 0; k < 8; k++) {
        const stream = subscribeWs(clients[(round + k) % 3]!, ImageProgressDocument, {
          imageId,
        }) as Stream<Event>;
        subscribers.push({ stream, joinedAtProgress: now.image!.progress });
      }
      await Promise.all(subscribers.slice(-8).map((s) => s.stream.until(() => true)));
      clock.advance(500);
      await server.engine.tick();
    }
    clock.advance(1_000);
    await server.engine.tick();
    const all = await Promise.all(subscribers.map((s) => s.stream.finished));
    for (const client of clients) await client.dispose();

    const byNumber = new Map<number, string>();
    for (const [index, events] of all.entries()) {
      const progress = events.map((e) => e.imageProgress);
      // The first event is the current state as the subscriber joined.
      expect(progress[0]!.image.progress).toBe(subscribers[index]!.joinedAtProgress);
      // Numbers belong to the image: gap-free from the first, one done at the end.
      const sequences = progress.map((e) => e.sequence);
      expect(sequences).toEqual(sequences.map((_, i) => sequences[0]! + i));
      expect(progress.filter((e) => e.done)).toHaveLength(1);
      expect(progress.at(-1)).toMatchObject({ done: true, image: { status: "AVAILABLE", progress: 100 } });
      // Each event after the first advances what the subscriber saw.
      const seen = new Map<string, number>();
      for (const e of progress.slice(1)) {
        const snapshot = e.snapshot!;
        expect(snapshot.progress).toBeGreaterThan(seen.get(snapshot.device) ?? -1);
        seen.set(snapshot.device, snapshot.progress);
      }
      // Every subscriber received the same event under the same number.
      for (const e of progress.slice(1)) {
        const text = JSON.stringify(e);
        const same = byNumber.get(e.sequence);
        if (same) expect(text).toBe(same);
        else byNumber.set(e.sequence, text);
      }
    }
    // The last subscribers joined late: their first number is well above the first subscribers'.
    expect(all.at(-1)![0]!.imageProgress.sequence).toBeGreaterThan(all[0]![0]!.imageProgress.sequence + 10);
  });
});
