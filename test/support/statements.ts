/** The most statements kept between resets, so that a long run's log cannot grow without end. */
const LIMIT = 10_000;

/**
 * The SQL statements an app sent, for the tests that guard against N+1 and for the bench's SQL per
 * page: pass `record` as the app's `onStatement` (production passes none, so it logs nothing).
 */
export class StatementRecorder {
  readonly statements: string[] = [];

  readonly record = (sql: string): void => {
    if (this.statements.length < LIMIT) this.statements.push(sql);
  };

  reset(): void {
    this.statements.length = 0;
  }
}

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
