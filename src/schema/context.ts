import type { Db } from "../db/client.ts";
import type { Clock } from "../domain/clock.ts";
import type { Account } from "../generated/prisma/client.ts";

/** What every resolver receives; `account` is resolved once per request or WebSocket connection. */
export interface GraphQLContext {
  prisma: Db;
  clock: Clock;
  account: Account;
  /** What mutations tell the rest of the system after their transaction commits. */
  effects: Effects;
}

export interface Effects {
  /** An image stopped being WAITING or CREATING (it failed or was cancelled) outside the engine. */
  imageEnded(imageId: string): void;
}
