import type { Db } from "../db/client.ts";
import type { Clock } from "../domain/clock.ts";
import type { Rates } from "../domain/images.ts";
import type { ProgressBus, SnapshotRow } from "../events/progress.ts";
import type { Account } from "../generated/prisma/client.ts";
import type { Loaders } from "./loaders.ts";

/** What every resolver receives; `account` is resolved once per request or WebSocket connection. */
export interface GraphQLContext {
  prisma: Db;
  clock: Clock;
  account: Account;
  rates: Rates;
  bus: ProgressBus;
  loaders: Loaders;
  /** What mutations tell the engine after their transaction commits. */
  effects: Effects;
}

export interface Effects {
  /** An image is CREATING (or WAITING): the engine drives it from now on. */
  imageStarted(imageId: string): Promise<void>;
  /** An image stopped being WAITING or CREATING (it failed or was cancelled) outside the engine. */
  imageEnded(imageId: string): Promise<void>;
  /** A snapshot taken on its own started. */
  snapshotStarted(row: SnapshotRow): void;
  /** A snapshot was deleted, perhaps while in progress: its stream ends, saying why. */
  snapshotDeleted(row: SnapshotRow, reason?: string): void;
}
