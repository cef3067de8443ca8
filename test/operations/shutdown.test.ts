import { describe, expect, it } from "vitest";
import { startTestApp } from "../support/app.ts";
import { sseCollect, wsClient } from "../support/client.ts";
import { ManualClock } from "../support/clock.ts";
import { ImageProgressDocument } from "../support/documents/images.ts";
import { newImage } from "../support/fixtures.ts";
import { subscribeWs } from "../support/stream.ts";

describe("graceful shutdown", () => {
  it("completes SSE subscriptions and closes WebSockets with a 1001 close frame", async () => {
    const clock = new ManualClock();
    const app = await startTestApp({ clock, config: { progressIntervalMs: 3_600_000 } });
    const image = await newImage(
      app.origin,
      { name: "bye-image" },
      {
        name: "bye",
      },
    );
    const imageId = image.id;

    const client = wsClient(app.origin);
    let closeCode: number | undefined;
    client.on("closed", (event) => {
      closeCode = (event as { code?: number }).code;
    });
    const ws = subscribeWs(client, ImageProgressDocument, { imageId });
    await ws.until((e) => e.imageProgress.sequence === 1);
    let sawFirst: () => void = () => undefined;
    const firstSse = new Promise<void>((resolve) => {
      sawFirst = resolve;
    });
    const sse = sseCollect(app.origin, ImageProgressDocument, { imageId }, undefined, () => sawFirst());
    await firstSse;

    await app.close();
    // The SSE stream completes rather than being cut; the socket closes with a 1001 (going away) frame.
    const streamed = await sse;
    expect(streamed.results).toHaveLength(1);
    await ws.finished.catch(() => undefined);
    expect(closeCode).toBe(1001);
    await client.dispose();
  });
});
