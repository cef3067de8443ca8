/** createInstance and createCustomImage at IN_FLIGHT in flight, with their SQL statements each. */
import { performance } from "node:perf_hooks";
import { createImage, createInstance } from "../lib/http.ts";
import { IN_FLIGHT } from "../lib/options.ts";
import { type Child, call, profiled } from "../lib/processes.ts";
import { percentile, round } from "../lib/stats.ts";

/**
 * `count` calls of `work`, IN_FLIGHT at a time. A call that fails (an error, or a payload the
 * checks refuse) is counted, not fatal: the rate is of the ones that succeeded, and the first
 * failure's message is kept for the record.
 */
export async function inFlight(count: number, work: (i: number) => Promise<void>) {
  const times: number[] = [];
  let next = 0;
  let failed = 0;
  let firstFailure: string | undefined;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < count) {
        const i = next++;
        const start = performance.now();
        try {
          await work(i);
          times.push(performance.now() - start);
        } catch (error) {
          failed += 1;
          firstFailure ??= (error as Error).message.slice(0, 400);
        }
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  return {
    count,
    inFlight: IN_FLIGHT,
    perSecond: round((count - failed) / seconds),
    p50: round(percentile(times, 0.5)),
    p99: round(percentile(times, 0.99)),
    failed,
    ...(firstFailure ? { firstFailure } : {}),
  };
}

/** `count` instances in cn-shanghai (the custom images' sources later); their IDs with the figures. */
export async function createInstances(gateway: Child, count: number) {
  const instanceIds: string[] = [];
  await call(gateway, { type: "resetStatements" });
  const figures = await profiled(gateway, "create-instance", () =>
    inFlight(count, async (i) => {
      instanceIds.push(await createInstance(gateway.origin, "cn-shanghai", `load-${i}`));
    }),
  );
  const statementsEach = round((await call<number>(gateway, { type: "statements" })) / count);
  return { figures: { ...figures, statementsEach }, instanceIds };
}

/** A custom image of each instance. */
export async function createCustomImages(gateway: Child, instanceIds: string[]) {
  await call(gateway, { type: "resetStatements" });
  const figures = await profiled(gateway, "create-custom-image", () =>
    inFlight(instanceIds.length, async (i) => {
      await createImage(gateway.origin, instanceIds[i]!, `load-image-${i}`);
    }),
  );
  return {
    ...figures,
    statementsEach: round((await call<number>(gateway, { type: "statements" })) / instanceIds.length),
  };
}
