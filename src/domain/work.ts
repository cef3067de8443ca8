import type { Snapshot } from "../generated/prisma/client.ts";

/**
 * What a committed command started or ended, for the engine's after-commit dispatcher
 * (src/engine/dispatcher.ts). Commands say what happened; they do not know who drives the work.
 */
export interface Work {
  /** Images now CREATING: something must drive them until they end. */
  startedImages: string[];
  /** Images that ended outside the engine (forced instance change, cancelled copy): their streams end. */
  endedImages: string[];
  /** Snapshots taken on their own, now PROGRESSING. */
  startedSnapshots: string[];
  /** Snapshots removed, perhaps mid-way: their streams end where they stood, saying why. */
  deletedSnapshots: { snapshot: Snapshot; reason: string }[];
  /** Destination regions where a copy slot may be free (a copy was queued, ended or cancelled). */
  regionsWithFreeSlots: string[];
}

export function work(parts: Partial<Work> = {}): Work {
  return {
    startedImages: parts.startedImages ?? [],
    endedImages: parts.endedImages ?? [],
    startedSnapshots: parts.startedSnapshots ?? [],
    deletedSnapshots: parts.deletedSnapshots ?? [],
    regionsWithFreeSlots: parts.regionsWithFreeSlots ?? [],
  };
}

export function isIdle(w: Work): boolean {
  return (
    w.startedImages.length === 0 &&
    w.endedImages.length === 0 &&
    w.startedSnapshots.length === 0 &&
    w.deletedSnapshots.length === 0 &&
    w.regionsWithFreeSlots.length === 0
  );
}
