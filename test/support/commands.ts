import type { Db } from "../../src/db/client.ts";
import { type Command, type CommandDeps, type Rates, runCommand } from "../../src/domain/command.ts";
import { DomainError } from "../../src/domain/errors.ts";
import type { Work } from "../../src/domain/work.ts";
import { simulatedBlockStorage } from "../../src/storage/block-storage.ts";

/** A command's deps for a test that calls the domain directly, outside the API. */
export function directDeps(db: Db, accountId: string, now: Date, rates: Rates): CommandDeps {
  return { db, accountId, now, rates, storage: simulatedBlockStorage };
}

/**
 * Runs a command through the one runner, as a mutation would, but hands its work back instead of
 * dispatching it; its userErrors are thrown as the DomainError.
 */
export async function runOrThrow<Input extends object, Result, Plan>(
  command: Command<Input, Result, Plan>,
  deps: CommandDeps,
  input: Input,
): Promise<{ result: Result; work: Work }> {
  const outcome = await runCommand(command, deps, input);
  if (!outcome.ok) throw new DomainError(outcome.userErrors);
  return outcome;
}
