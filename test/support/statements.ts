import type { StatementRecorder } from "../../src/db/statement-recorder.ts";

export { StatementRecorder } from "../../src/db/statement-recorder.ts";

/**
 * The SQL statements that `run` sent, leaving out the API-key lookup: keys are cached for 5 s of
 * wall-clock time, so whether a request looks its key up depends on timing, not on the query.
 */
export async function statementsOf(
  recorder: StatementRecorder,
  run: () => Promise<unknown>,
): Promise<string[]> {
  recorder.reset();
  await run();
  return recorder.statements.filter((statement) => !/[`"]apiKeyHash[`"] = (\?|\$1)/.test(statement));
}
