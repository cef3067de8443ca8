/**
 * The one way a mutation runs. A command is a plain function `(deps, input) → { result, work }`
 * that throws the domain's userErrors (`fail`, `DomainError`); `runCommand` gives every command
 * the same steps, in this order:
 *
 * 1. clientToken (commands that declare `replay`): the token is looked up first, before any
 *    validation, so a retry gets its first answer even after the world moved on; other input with
 *    the same token is IDEMPOTENT_PARAMETER_MISMATCH (src/domain/idempotency.ts).
 * 2. The command's read phase: validation, the rows it starts from, the pre-checks.
 * 3. Its write phase, `deps.transaction(write)`: ONE transaction, in the account's turn where the
 *    command declares `accountTurn`, that first claims the clientToken (the record's unique key
 *    decides a race: the loser gets the winner's result through `replay`), then checks again what
 *    may have changed and writes. Unique violations become userErrors where the command says so.
 * 4. DomainErrors become userErrors; the work goes to the dispatcher (`afterCommit`) after the
 *    commit only, never on failure.
 *
 * A dry run is the same command with the same checks: its transaction runs to its end and is then
 * rolled back (nothing written, no clientToken recorded), no work is dispatched, and it returns the
 * command's result and the plan the command computes when `deps.dryRun` is set.
 *
 * Why the read phase stays outside the transaction: inside it, the reads would run in the
 * account's turn and (PostgreSQL) in the SERIALIZABLE transaction, so one account's requests
 * would wait for each other's reads and conflict on more rows: more retries, where the statement
 * counts and the concurrency tests pin "20 concurrent creations cost 20 × one alone". So a command
 * keeps the two phases it had: what it read before is checked again inside, as before.
 */
import type { Db, Tx } from "../db/client.ts";
import type { BlockStorage } from "../storage/block-storage.ts";
import { DomainError, type UserError } from "./errors.ts";
import {
  claimClientToken,
  earlierResult,
  type IdempotencyKey,
  isUniqueViolation,
  lookUpClientToken,
} from "./idempotency.ts";
import { inAccountTurn } from "./turns.ts";
import type { Work } from "./work.ts";

export interface Rates {
  snapshotGibPerSecond: number;
  copyGibPerSecond: number;
}

/** What every command is given, whatever the mutation. */
export interface CommandDeps {
  db: Db;
  accountId: string;
  /** The request's instant: one for all of the command's checks and rows. */
  now: Date;
  rates: Rates;
  /** The one source of progress (a forced instance change ends snapshots where they stood). */
  storage: BlockStorage;
}

export interface WriteOptions {
  /** The ID of the resource the writes create: what a clientToken's record points at. */
  creates?: string;
  /** Throws the DomainError for a unique violation the command knows; returns for others. */
  uniqueViolations?: (error: unknown) => void;
}

/** A command's deps for one run: the deps, whether it is a dry run, and its transaction. */
export interface CommandScope extends CommandDeps {
  dryRun: boolean;
  /** The write phase, in one transaction (see the steps above). */
  transaction<T>(write: (tx: Tx) => Promise<T>, options?: WriteOptions): Promise<T>;
}

export interface Done<Result, Plan = never> {
  result: Result;
  work: Work;
  /** What it would do, computed on a dry run (`deps.dryRun`). */
  plan?: Plan;
}

export interface Command<Input, Result, Plan = never> {
  /** The idempotency records' operation. */
  operation: string;
  /** One account's transactions of this kind take turns in the process (src/domain/turns.ts). */
  accountTurn?: boolean;
  /** clientToken idempotency: a retry's answer, from the resource the first request created. */
  replay?: (deps: CommandDeps, resourceId: string) => Promise<Done<Result, Plan>>;
  run: (deps: CommandScope, input: Input) => Promise<Done<Result, Plan>>;
}

export type Outcome<Result, Plan = never> =
  | { ok: true; result: Result; work: Work; plan: Plan | null; userErrors: [] }
  | { ok: false; userErrors: UserError[] };

export interface RunOptions {
  dryRun?: boolean;
  /** The engine's dispatcher; called with the work once the transaction committed. */
  afterCommit?: (work: Work) => Promise<void>;
}

/** Thrown out of a dry run's transaction to roll it back, carrying what the writes returned. */
class RolledBack {
  constructor(readonly value: unknown) {}
}

/** Another request claimed the clientToken first: this one answers with its resource. */
class Replayed {
  constructor(readonly resourceId: string) {}
}

export async function runCommand<Input extends object, Result, Plan>(
  command: Command<Input, Result, Plan>,
  deps: CommandDeps,
  input: Input,
  options: RunOptions = {},
): Promise<Outcome<Result, Plan>> {
  const dryRun = options.dryRun ?? false;
  let done: Done<Result, Plan>;
  try {
    done = await execute(command, deps, input, dryRun);
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, userErrors: error.errors };
    throw error;
  }
  if (!dryRun) await options.afterCommit?.(done.work);
  return { ok: true, result: done.result, work: done.work, plan: done.plan ?? null, userErrors: [] };
}

async function execute<Input extends object, Result, Plan>(
  command: Command<Input, Result, Plan>,
  deps: CommandDeps,
  input: Input,
  dryRun: boolean,
): Promise<Done<Result, Plan>> {
  let key: IdempotencyKey | null = null;
  if (command.replay) {
    const looked = await lookUpClientToken(deps.db, deps.accountId, command.operation, input);
    if (looked.earlier) return command.replay(deps, looked.earlier);
    key = looked.key;
  }
  const transaction = async <T>(write: (tx: Tx) => Promise<T>, options: WriteOptions = {}): Promise<T> => {
    const claim = key?.token && options.creates ? { key, resourceId: options.creates } : null;
    const attempt = async (): Promise<T> => {
      try {
        return await deps.db.$transaction(async (tx) => {
          if (claim) await claimClientToken(tx, claim.key, claim.resourceId);
          const value = await write(tx);
          if (dryRun) throw new RolledBack(value);
          return value;
        });
      } catch (error) {
        if (error instanceof RolledBack) return error.value as T;
        if (claim && isUniqueViolation(error, ["token"])) {
          const winner = await earlierResult(deps.db, claim.key);
          if (winner) throw new Replayed(winner);
        }
        options.uniqueViolations?.(error);
        throw error;
      }
    };
    return command.accountTurn ? inAccountTurn(deps.accountId, attempt) : attempt();
  };
  try {
    return await command.run({ ...deps, dryRun, transaction }, input);
  } catch (error) {
    if (error instanceof Replayed && command.replay) return command.replay(deps, error.resourceId);
    throw error;
  }
}
