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
 * How long the hand-off waits for Redis (the queue, the sequence numbers, the events), counted
 * per call: the first call that fails or takes longer ends the hand-off, and the rest is skipped.
 * A mutation therefore answers at most this long after its commit however long Redis is away,
 * and at once when its connection is down (the calls fail without waiting: src/events/redis-client.ts).
 */
export const HANDOFF_TIMEOUT_MS = 1_000;

/** Thrown by a hand-off call that failed (`cause`) or was skipped: not retried, left to reconciliation. */
class HandOffAbandoned extends Error {
  constructor(
    readonly skipped: boolean,
    cause?: unknown,
  ) {
    super(skipped ? "skipped: Redis failed earlier in this hand-off" : "the hand-off to Redis failed", {
      cause,
    });
  }
}

/**
 * One dispatch's hand-off to the scheduler and the events: each call bounded by
 * HANDOFF_TIMEOUT_MS; after one fails or times out, the others are skipped at once (Redis is
 * away: waiting for it again helps nobody). In process, these calls never fail.
 */
function handOff() {
  let failed = false;
  const call = async <T>(run: () => Promise<T>): Promise<T> => {
    if (failed) throw new HandOffAbandoned(true);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no answer within ${HANDOFF_TIMEOUT_MS} ms`)),
        HANDOFF_TIMEOUT_MS,
      );
    });
    const running = run();
    try {
      return await Promise.race([running, timeout]);
    } catch (error) {
      running.catch(() => undefined);
      failed = true;
      throw new HandOffAbandoned(false, error);
    } finally {
      clearTimeout(timer);
    }
  };
  return { call };
}

/**
 * The one way committed work reaches the engine, for mutations and steps alike: ended images and
 * deleted snapshots get their last events, regions with a free slot start their waiting copies,
 * and whatever is now in progress goes to the scheduler. It runs after the commit, so it never
 * fails the command: a failure is logged and the scheduler's reconciliation picks the work up.
 * Database reads are retried (a busy database); the hand-off to Redis is not (see handOff), so a
 * Redis outage costs the command at most HANDOFF_TIMEOUT_MS.
 */
export function createDispatcher(deps: DispatcherDeps): Dispatch {
  const { prisma, clock, logger } = deps;
  // A transient refusal (a busy database) is retried a few times before reconciliation is left to it.
  const attempt = async (what: string, run: () => Promise<void>) => {
    for (let tries = 1; ; tries++) {
      try {
        return await run();
      } catch (error) {
        if (error instanceof HandOffAbandoned) {
          // Once per dispatch: the call that failed; the ones skipped after it say nothing.
          if (!error.skipped) {
            logger.error(`engine dispatch failed: ${what}; reconciliation will pick it up`, {
              error: error.cause,
            });
          }
          return;
        }
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
    const redis = handOff();
    // The steps' Redis calls (sequence numbers, events) go through the bounded hand-off.
    const bounded: DispatcherDeps = {
      ...deps,
      ledger: {
        last: (...args) => redis.call(() => deps.ledger.last(...args)),
        lastMany: (...args) => redis.call(() => deps.ledger.lastMany(...args)),
        current: (...args) => redis.call(() => deps.ledger.current(...args)),
        next: (...args) => redis.call(() => deps.ledger.next(...args)),
      },
      publish: {
        snapshot: (...args) => redis.call(() => deps.publish.snapshot(...args)),
        image: (...args) => redis.call(() => deps.publish.image(...args)),
      },
    };
    for (const imageId of work.endedImages) {
      await attempt(`image ${imageId} ended`, async () => {
        const image = await loadImage(prisma, imageId);
        if (image) await settleImage(bounded, image, now);
      });
    }
    for (const { snapshot, reason } of work.deletedSnapshots) {
      await attempt(`snapshot ${snapshot.id} deleted`, () =>
        announceSnapshotDeleted(bounded, snapshot, reason, now),
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
        if (image?.status === "CREATING") await bounded.publish.image(image, null, now, false);
      });
    }
    for (const snapshotId of work.startedSnapshots) {
      await attempt(`snapshot ${snapshotId} started`, async () => {
        const row = await prisma.snapshot.findUnique({ where: { id: snapshotId } });
        if (row?.status === "PROGRESSING") await bounded.publish.snapshot(row, now, false);
      });
    }
    await attempt("scheduling", () =>
      redis.call(() => deps.scheduler().schedule({ images: started, snapshots: work.startedSnapshots })),
    );
  };
}
