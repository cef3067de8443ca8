import type { Db } from "../db/client.ts";
import type { Clock } from "../domain/clock.ts";
import { startWaitingCopies } from "../domain/copies.ts";
import { isIdle, type Work } from "../domain/work.ts";
import type { Logger } from "../logger.ts";
import type { Scheduler } from "./scheduler.ts";
import { announceSnapshotDeleted, loadImage, type StepDeps, settleImage } from "./steps.ts";

export type Dispatch = (work: Work) => Promise<void>;

export interface DispatcherDeps extends StepDeps {
  prisma: Db;
  clock: Clock;
  logger: Logger;
  scheduler: () => Scheduler;
}

/**
 * The one way committed work reaches the engine, for mutations and steps alike: ended images and
 * deleted snapshots get their last events, regions with a free slot start their waiting copies,
 * and whatever is now in progress goes to the scheduler. It runs after the commit, so it never
 * fails the command: a failure is logged and the scheduler's reconciliation picks the work up.
 */
export function createDispatcher(deps: DispatcherDeps): Dispatch {
  const { prisma, clock, logger } = deps;
  // A transient refusal (a busy database) is retried a few times before reconciliation is left to it.
  const attempt = async (what: string, run: () => Promise<void>) => {
    for (let tries = 1; ; tries++) {
      try {
        return await run();
      } catch (error) {
        if (tries < 3) {
          await new Promise((resolve) => setTimeout(resolve, 50 * tries));
          continue;
        }
        logger.error(`engine dispatch failed: ${what}; reconciliation will pick it up`, { error });
        return;
      }
    }
  };
  return async (work) => {
    if (isIdle(work)) return;
    const now = clock.now();
    for (const imageId of work.endedImages) {
      await attempt(`image ${imageId} ended`, async () => {
        const image = await loadImage(prisma, imageId);
        if (image) await settleImage(deps, image, now);
      });
    }
    for (const { snapshot, reason } of work.deletedSnapshots) {
      await attempt(`snapshot ${snapshot.id} deleted`, () =>
        announceSnapshotDeleted(deps, snapshot, reason, now),
      );
    }
    const started = [...work.startedImages];
    for (const regionId of new Set(work.regionsWithFreeSlots)) {
      await attempt(`copies of ${regionId}`, async () => {
        const promoted = await startWaitingCopies(prisma, regionId, now);
        started.push(...promoted);
      });
    }
    for (const imageId of started) {
      // The first event of the image's sequence: its start (for a copy, WAITING → CREATING).
      await attempt(`image ${imageId} started`, async () => {
        const image = await loadImage(prisma, imageId);
        if (image?.status === "CREATING") await deps.publish.image(image, null, now, false);
      });
    }
    for (const snapshotId of work.startedSnapshots) {
      await attempt(`snapshot ${snapshotId} started`, async () => {
        const row = await prisma.snapshot.findUnique({ where: { id: snapshotId } });
        if (row?.status === "PROGRESSING") await deps.publish.snapshot(row, now, false);
      });
    }
    await attempt("scheduling", () =>
      deps.scheduler().schedule({ images: started, snapshots: work.startedSnapshots }),
    );
  };
}
