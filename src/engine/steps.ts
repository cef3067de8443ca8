import type { Db } from "../db/client.ts";
import { isImageFinal, isImageInFlight } from "../domain/image-status.ts";
import { snapshotProgress } from "../domain/progress.ts";
import { type Work, work } from "../domain/work.ts";
import type { ImageRow, SnapshotRow } from "../events/progress.ts";
import type { SequenceLedger } from "../events/sequence.ts";
import type { Logger } from "../logger.ts";
import type { BlockStorage } from "../storage/block-storage.ts";
import type { Publisher } from "./publish.ts";

export interface StepDeps {
  prisma: Db;
  storage: BlockStorage;
  ledger: SequenceLedger;
  publish: Publisher;
  logger: Logger;
  /** Times each step (the metrics' step histogram); steps run untimed without it. */
  timeStep?: <T>(step: "image" | "snapshot", run: () => Promise<T>) => Promise<T>;
}

export interface StepResult {
  /** Nothing left to drive: the image or snapshot ended (or no longer exists). */
  final: boolean;
  /** What the step's transitions freed or started, for the dispatcher (a copy ending frees a slot). */
  work: Work;
}

const FINAL: StepResult = { final: true, work: work() };
const ONGOING: StepResult = { final: false, work: work() };

export function loadImage(prisma: Db, imageId: string): Promise<ImageRow | null> {
  return prisma.image.findUnique({
    where: { id: imageId },
    include: { snapshots: { orderBy: { device: "asc" } } },
  });
}

function job(row: SnapshotRow & { startedAt: Date }) {
  return { sizeGiB: row.sourceDiskSizeGiB, startedAt: row.startedAt, gibPerSecond: row.gibPerSecond };
}

/** Whether the snapshot's progress moved between the last event on its topic and now. */
async function moved(deps: StepDeps, rows: SnapshotRow[], now: Date): Promise<SnapshotRow[]> {
  const marks = await deps.ledger.lastMany(rows.map((row) => ["snapshot", row.id] as const));
  return rows.filter((row, index) => {
    const since = marks[index]?.at ?? row.startedAt ?? now;
    return (
      snapshotProgress(deps.storage, row, now).progress > snapshotProgress(deps.storage, row, since).progress
    );
  });
}

/**
 * One step of an image being created or copied, from its rows, the time and the storage provider:
 * publishes the snapshots that moved since their last event, and completes those the provider
 * has finished with conditional updates (PROGRESSING → ACCOMPLISHED, then CREATING → AVAILABLE
 * and the instance unlocked), which only one process can win. Safe to run anywhere, any number of
 * times: it keeps no state of its own.
 */
export function advanceImage(deps: StepDeps, imageId: string, now: Date): Promise<StepResult> {
  const run = () => advanceImageOnce(deps, imageId, now);
  return deps.timeStep ? deps.timeStep("image", run) : run();
}

async function advanceImageOnce(deps: StepDeps, imageId: string, now: Date): Promise<StepResult> {
  const image = await loadImage(deps.prisma, imageId);
  if (!image) return FINAL;
  // A WAITING copy is driven once promoted; an ended image only needs its last event out.
  if (image.status === "WAITING") return FINAL;
  if (isImageFinal(image.status)) {
    await settleImage(deps, image, now);
    return FINAL;
  }
  const { due, running } = split(deps, image.snapshots, now);
  if (due.length === 0) {
    await publishMoved(deps, image, running, now);
    return ONGOING;
  }
  // Transitions first: every event published after them carries them, so no event of this image
  // shows a snapshot still PROGRESSING after another one showed it ACCOMPLISHED.
  const { fresh, result } = await completeImageSnapshots(deps, image, due, now);
  if (fresh && !result.final) await publishMoved(deps, fresh, split(deps, fresh.snapshots, now).running, now);
  return result;
}

/** The image's snapshots in progress: those the provider has finished, and those still running. */
function split(deps: StepDeps, snapshots: SnapshotRow[], now: Date) {
  const due: { row: SnapshotRow; finishedAt: Date }[] = [];
  const running: SnapshotRow[] = [];
  for (const row of snapshots) {
    if (row.status !== "PROGRESSING" || !row.startedAt) continue;
    const status = deps.storage.status(job({ ...row, startedAt: row.startedAt }), now);
    if (status.done) due.push({ row, finishedAt: status.finishesAt });
    else running.push(row);
  }
  return { due, running };
}

async function publishMoved(deps: StepDeps, image: ImageRow, running: SnapshotRow[], now: Date) {
  for (const row of await moved(deps, running, now)) {
    await deps.publish.snapshot(row, now, false);
    await deps.publish.image(image, row, now, false);
  }
}

/**
 * Publishes what moved since the last events, without any transition: a new subscriber's first
 * event is then the current state and still one above the last number (the image's sequence
 * stays gap-free). Completions are left to the step.
 */
export async function refreshProgress(
  deps: StepDeps,
  topic: "image" | "snapshot",
  id: string,
  now: Date,
): Promise<void> {
  let imageId: string | null = id;
  if (topic === "snapshot") {
    const row = await deps.prisma.snapshot.findUnique({ where: { id } });
    if (row?.status !== "PROGRESSING") return;
    imageId = row.imageId;
    if (!imageId) {
      const { running } = split(deps, [row], now);
      for (const moving of await moved(deps, running, now)) await deps.publish.snapshot(moving, now, false);
      return;
    }
  }
  const image = await loadImage(deps.prisma, imageId);
  if (image?.status !== "CREATING") return;
  await publishMoved(deps, image, split(deps, image.snapshots, now).running, now);
}

async function completeImageSnapshots(
  deps: StepDeps,
  image: ImageRow,
  due: { row: SnapshotRow; finishedAt: Date }[],
  now: Date,
): Promise<{ fresh: ImageRow | null; result: StepResult }> {
  const { prisma, logger } = deps;
  const won: string[] = [];
  let available = false;
  await prisma.$transaction(async (tx) => {
    // The body runs again after a serialization failure (PostgreSQL): only its last run counts.
    won.length = 0;
    available = false;
    for (const { row, finishedAt } of due) {
      const done = await tx.snapshot.updateMany({
        where: { id: row.id, status: "PROGRESSING" },
        data: { status: "ACCOMPLISHED", progress: 100, completedAt: finishedAt },
      });
      if (done.count === 1) won.push(row.id);
    }
    const unfinished = await tx.snapshot.count({
      where: { imageId: image.id, status: { not: "ACCOMPLISHED" } },
    });
    if (unfinished > 0) return;
    const latest = due.reduce((a, b) => (a.finishedAt > b.finishedAt ? a : b)).finishedAt;
    const finished = await tx.image.updateMany({
      where: { id: image.id, status: "CREATING" },
      data: { status: "AVAILABLE", availableAt: latest },
    });
    available = finished.count === 1;
    if (available) {
      await tx.instance.updateMany({ where: { lockedByImageId: image.id }, data: { lockedByImageId: null } });
    }
  });
  // Transitions this process won, as a record for operators (and the multi-replica test).
  for (const snapshotId of won) logger.info("engine: snapshot completed", { snapshotId, imageId: image.id });
  if (available) logger.info("engine: image available", { imageId: image.id });

  const fresh = await loadImage(prisma, image.id);
  if (!fresh) return { fresh, result: FINAL };
  const ended = !isImageInFlight(fresh.status);
  const rows = won.map((id) => fresh.snapshots.find((s) => s.id === id)).filter((s) => s !== undefined);
  for (const [index, row] of rows.entries()) {
    await deps.publish.snapshot(row, now, true);
    // The last event of the batch ends the image's stream.
    if (ended && index === rows.length - 1) await settleImage(deps, fresh, now, row);
    else await deps.publish.image(fresh, row, now, false);
  }
  if (!ended) return { fresh, result: ONGOING };
  if (rows.length === 0) await settleImage(deps, fresh, now);
  const freed = fresh.source === "COPY" && fresh.regionId ? [fresh.regionId] : [];
  return { fresh, result: { final: true, work: work({ regionsWithFreeSlots: freed }) } };
}

/**
 * An image that ended (here, on another replica, or by a forced instance change or a cancel):
 * publishes its last events unless they were published already, so no stream waits forever for
 * a done that a crashed process never sent.
 */
export async function settleImage(
  deps: StepDeps,
  image: ImageRow,
  now: Date,
  snapshot: SnapshotRow | null = null,
): Promise<void> {
  const [imageMark, ...snapshotMarks] = await deps.ledger.lastMany([
    ["image", image.id],
    ...image.snapshots.map((row) => ["snapshot", row.id] as const),
  ]);
  for (const [index, row] of image.snapshots.entries()) {
    if (row.status !== "PROGRESSING" && !snapshotMarks[index]?.final)
      await deps.publish.snapshot(row, now, true);
  }
  if (imageMark?.final) return;
  await deps.publish.image(image, snapshot, now, isImageFinal(image.status));
}

/** One step of a snapshot taken on its own: the same as for an image, for one snapshot. */
export function advanceSnapshot(deps: StepDeps, snapshotId: string, now: Date): Promise<StepResult> {
  const run = () => advanceSnapshotOnce(deps, snapshotId, now);
  return deps.timeStep ? deps.timeStep("snapshot", run) : run();
}

async function advanceSnapshotOnce(deps: StepDeps, snapshotId: string, now: Date): Promise<StepResult> {
  const { prisma, storage, logger } = deps;
  const row = await prisma.snapshot.findUnique({ where: { id: snapshotId } });
  // Snapshots of an image are driven by their image.
  if (!row || row.imageId) return FINAL;
  if (row.status !== "PROGRESSING" || !row.startedAt) {
    await settleSnapshot(deps, row, now);
    return FINAL;
  }
  const status = storage.status(job({ ...row, startedAt: row.startedAt }), now);
  if (!status.done) {
    if ((await moved(deps, [row], now)).length > 0) await deps.publish.snapshot(row, now, false);
    return ONGOING;
  }
  const done = await prisma.snapshot.updateMany({
    where: { id: row.id, status: "PROGRESSING" },
    data: { status: "ACCOMPLISHED", progress: 100, completedAt: status.finishesAt },
  });
  if (done.count === 1) logger.info("engine: snapshot completed", { snapshotId: row.id, imageId: null });
  const fresh = await prisma.snapshot.findUnique({ where: { id: row.id } });
  if (fresh) await settleSnapshot(deps, fresh, now);
  return FINAL;
}

async function settleSnapshot(deps: StepDeps, row: SnapshotRow, now: Date): Promise<void> {
  if (row.status === "PROGRESSING") return;
  if ((await deps.ledger.last("snapshot", row.id))?.final) return;
  await deps.publish.snapshot(row, now, true);
}

/** A snapshot was deleted, perhaps mid-way: its stream ends at the progress it had reached, saying why. */
export async function announceSnapshotDeleted(
  deps: StepDeps,
  row: SnapshotRow,
  reason: string,
  now: Date,
): Promise<void> {
  const { progress } = snapshotProgress(deps.storage, row, now);
  await deps.publish.snapshot({ ...row, status: "FAILED", progress, failureReason: reason }, now, true);
}
