import { request } from "node:http";
import { Queue } from "bullmq";
import { print } from "graphql";
import { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import WebSocket from "ws";
import { DEMO_KEY, startTestApp } from "../support/app.ts";
import { gqlData } from "../support/client.ts";
import { CreateCustomImageDocument } from "../support/documents/images.ts";
import { CreateInstanceDocument } from "../support/documents/instances.ts";
import { skipWithoutRedis, TEST_REDIS_URL, uniquePrefix } from "../support/redis.ts";

const skip = skipWithoutRedis("REDIS_URL: a request in flight at shutdown still reaches the shared queue");

/** A graphql-ws socket, acknowledged; resolves its close code when the server closes it. */
async function openSocket(origin: string): Promise<{ closed: Promise<number> }> {
  const socket = new WebSocket(`${origin.replace(/^http/, "ws")}/graphql`, "graphql-transport-ws");
  const closed = new Promise<number>((resolve) => socket.on("close", (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    socket.on("open", () =>
      socket.send(
        JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${DEMO_KEY}` } }),
      ),
    );
    socket.on("message", (data) => {
      if (JSON.parse(String(data)).type === "connection_ack") resolve();
    });
    socket.on("error", reject);
  });
  return { closed };
}

/**
 * A POST whose body is sent in two halves: the server has its headers (it answered 100 Continue)
 * before `between` runs, and the rest of the body after.
 */
function postInTwoHalves(origin: string, body: string, between: () => Promise<void>) {
  return new Promise<{ status: number; connection?: string; json: unknown }>((resolve, reject) => {
    const bytes = Buffer.from(body);
    const half = Math.floor(bytes.length / 2);
    const req = request(`${origin}/graphql`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "content-length": bytes.length,
        authorization: `Bearer ${DEMO_KEY}`,
        expect: "100-continue",
      },
    });
    req.on("continue", () => {
      req.write(bytes.subarray(0, half));
      between().then(() => req.end(bytes.subarray(half)), reject);
    });
    req.on("response", (response) => {
      let text = "";
      response.on("data", (chunk) => {
        text += chunk;
      });
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          connection: response.headers.connection,
          json: JSON.parse(text),
        }),
      );
    });
    req.on("error", reject);
    req.flushHeaders();
  });
}

describe.skipIf(skip)("shutdown order", () => {
  it("a mutation in flight when shutdown begins commits and dispatches its work to the live engine", async () => {
    const prefix = uniquePrefix("shutdown-order");
    const app = await startTestApp({ config: { redisUrl: TEST_REDIS_URL, redisPrefix: prefix } });
    const created = await gqlData(app.origin, CreateInstanceDocument, {
      input: { regionId: "cn-hangzhou", name: "in-flight", imageId: "ubuntu_22_04_x64_20G_alibase" },
    });
    const socket = await openSocket(app.origin);
    let closing: Promise<void> | undefined;
    const body = JSON.stringify({
      query: print(CreateCustomImageDocument),
      variables: { input: { instanceId: created.createInstance.instance!.id, name: "in-flight-image" } },
    });

    const response = await postInTwoHalves(app.origin, body, async () => {
      closing = app.close();
      // WebSockets close (1001) before in-flight requests are waited for: the rest of the body
      // arrives after that, while the engine must still be running.
      expect(await socket.closed).toBe(1001);
    });
    await closing;

    expect(response.status).toBe(200);
    // Its keep-alive connection ends with it instead of holding the close for the grace period.
    expect(response.connection).toBe("close");
    const result = response.json as {
      data?: { createCustomImage: { image: { id: string; status: string } | null; userErrors: unknown[] } };
      errors?: unknown[];
    };
    expect(result.errors).toBeUndefined();
    expect(result.data?.createCustomImage.userErrors).toEqual([]);
    expect(result.data?.createCustomImage.image?.status).toBe("CREATING");

    // Its job was enqueued (not left for a later reconciliation) and the closed replica holds it
    // no more: it waits for its next step (delayed between steps, or waiting), not active.
    const connection = new Redis(TEST_REDIS_URL!, { maxRetriesPerRequest: null });
    const queue = new Queue("engine", { connection, prefix });
    const job = await queue.getJob(result.data!.createCustomImage.image!.id);
    expect(["waiting", "delayed"]).toContain(await job?.getState());
    await queue.close();
    connection.disconnect();
  });
});
