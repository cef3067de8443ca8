import type { SnapshotStatus } from "../generated/prisma/client.ts";

/** The columns a snapshot's progress is derived from: the storage provider works at a known rate. */
export interface SnapshotProgressColumns {
  status: SnapshotStatus;
  sourceDiskSizeGiB: number;
  startedAt: Date | null;
  gibPerSecond: number;
  progress: number;
}

export interface Progress {
  /** 0 to 100; 100 only once ACCOMPLISHED. */
  progress: number;
  /** Seconds left while PROGRESSING, null otherwise. */
  remainingSeconds: number | null;
}

export function snapshotDurationMs(
  row: Pick<SnapshotProgressColumns, "sourceDiskSizeGiB" | "gibPerSecond">,
): number {
  return (row.sourceDiskSizeGiB / row.gibPerSecond) * 1000;
}

export function snapshotProgress(row: SnapshotProgressColumns, now: Date): Progress {
  if (row.status === "ACCOMPLISHED") return { progress: 100, remainingSeconds: null };
  if (row.status === "FAILED") return { progress: row.progress, remainingSeconds: null };
  const duration = snapshotDurationMs(row);
  if (!row.startedAt) return { progress: 0, remainingSeconds: Math.ceil(duration / 1000) };
  const elapsed = Math.max(0, now.getTime() - row.startedAt.getTime());
  // 100 is kept for the ACCOMPLISHED transition, so a reader never sees 100 on a snapshot still PROGRESSING.
  const progress = Math.min(99, Math.floor((elapsed / duration) * 100));
  return { progress, remainingSeconds: Math.max(0, Math.ceil((duration - elapsed) / 1000)) };
}

/** An image's progress: its snapshots' progress weighted by their size. */
export function imageProgress(snapshots: readonly SnapshotProgressColumns[], now: Date): Progress {
  if (snapshots.length === 0) return { progress: 0, remainingSeconds: null };
  let weighted = 0;
  let total = 0;
  let remaining: number | null = null;
  for (const snapshot of snapshots) {
    const p = snapshotProgress(snapshot, now);
    weighted += p.progress * snapshot.sourceDiskSizeGiB;
    total += snapshot.sourceDiskSizeGiB;
    if (p.remainingSeconds !== null) remaining = Math.max(remaining ?? 0, p.remainingSeconds);
  }
  return { progress: Math.floor(weighted / total), remainingSeconds: remaining };
}
