import type { ManualClock } from "../../src/domain/clock.ts";
import type { App } from "../../src/server/app.ts";

export { ManualClock } from "../../src/domain/clock.ts";

/**
 * Moves the clock on by `ms` and steps the engine twice. The first `engine.tick()` may join a pass
 * the scheduler's own timer started before the clock moved; the second is then a whole pass at the
 * new time, and it also takes the first step of work the first pass started (a waiting copy
 * promoted when another copy ended).
 */
export async function advanceAndStep(
  app: Pick<App, "engine">,
  clock: ManualClock,
  ms: number,
): Promise<void> {
  clock.advance(ms);
  await app.engine.tick();
  await app.engine.tick();
}
