import { graphql } from "../generated/index.ts";
import type { TestApp } from "../support/app.ts";
import { wsClient } from "../support/client.ts";
import { ManualClock } from "../support/clock.ts";
import { ImageProgressDocument } from "../support/documents/images.ts";
import { newImage } from "../support/fixtures.ts";
import { subscribeWs } from "../support/stream.ts";
import { beforeAll, describe, expect, it, useServer } from "../support/test.ts";

// Subscribers of one event share its execution (src/server/graphql/shared-events.ts) only where the
// account, the document and the variables are the same: the others get their own.
const SlimProgressDocument = graphql(`
  subscription SlimProgress($imageId: ID!) {
    imageProgress(imageId: $imageId) {
      sequence
      done
      snapshot {
        device
        progress
      }
    }
  }
`);

const clock = new ManualClock();
let app: TestApp;

useServer({ clock, config: { progressIntervalMs: 3_600_000, snapshotGibPerSecond: 10 } });
beforeAll(({ server }) => {
  app = server;
});

async function imageOf(key: string, name: string): Promise<string> {
  const image = await newImage(
    app.origin,
    { name: `${name}-image` },
    {
      name,
      dataDisks: [{ sizeGiB: 40 }],
    },
    key,
  );
  return image.id;
}

describe("one execution per event, shared by subscribers of the same selection", () => {
  it("gives each selection its own shape, each account only its own image, and the same events to the same selection", async () => {
    const otherKey = await app.newAccount("other");
    const mine = await imageOf("demo-key", "shared");
    const theirs = await imageOf(otherKey, "theirs");
    const client = wsClient(app.origin);
    const otherClient = wsClient(app.origin, otherKey);

    const full = [0, 1, 2].map(() => subscribeWs(client, ImageProgressDocument, { imageId: mine }));
    const slim = subscribeWs(client, SlimProgressDocument, { imageId: mine });
    const other = subscribeWs(otherClient, ImageProgressDocument, { imageId: theirs });
    const refused = subscribeWs(otherClient, ImageProgressDocument, { imageId: mine });
    await expect(refused.finished).rejects.toBeDefined();
    await Promise.all([...full, slim, other].map((s) => s.until(() => true)));
    for (let tick = 0; tick < 8; tick++) {
      clock.advance(1_000);
      await app.engine.tick();
    }
    const [a, b, c] = await Promise.all(full.map((s) => s.finished));
    const slimEvents = await slim.finished;
    const otherEvents = await other.finished;
    await client.dispose();
    await otherClient.dispose();

    expect(a!.length).toBeGreaterThan(2);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    for (const e of a!) expect(e.imageProgress.image.id).toBe(mine);
    // The slim selection: the same numbers, its own fields only.
    expect(slimEvents.map((e) => e.imageProgress.sequence)).toEqual(a!.map((e) => e.imageProgress.sequence));
    for (const e of slimEvents)
      expect(Object.keys(e.imageProgress).sort()).toEqual(["done", "sequence", "snapshot"]);
    // The other account, same document: its own image's events only.
    expect(otherEvents.at(-1)!.imageProgress.done).toBe(true);
    for (const e of otherEvents) expect(e.imageProgress.image.id).toBe(theirs);
  });
});
