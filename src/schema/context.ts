import type { Db } from "../db/client.ts";
import type { Clock } from "../domain/clock.ts";
import type { Rates } from "../domain/command.ts";
import type { Work } from "../domain/work.ts";
import type { ProgressBus } from "../events/progress.ts";
import type { SequenceLedger } from "../events/sequence.ts";
import type { Account } from "../generated/prisma/client.ts";
import type { BlockStorage } from "../storage/block-storage.ts";
import type { Loaders } from "./loaders.ts";

/** What every resolver receives; `account` is resolved once per request or WebSocket connection. */
export interface GraphQLContext {
  prisma: Db;
  clock: Clock;
  account: Account;
  rates: Rates;
  bus: ProgressBus;
  /** Where a new subscriber's stream starts: the last event's sequence and instant. */
  ledger: SequenceLedger;
  /** The one source of progress, for reads as for the engine. */
  storage: BlockStorage;
  loaders: Loaders;
  /** Hands what a committed command started or ended to the engine (its after-commit dispatcher). */
  afterCommit: (work: Work) => Promise<void>;
  /** Has the engine publish what moved since the last event, before a new subscriber reads the current state. */
  refreshProgress: (topic: "image" | "snapshot", id: string) => Promise<void>;
}
