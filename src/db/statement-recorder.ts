/** The most statements kept between resets, so that a long run's log cannot grow without end. */
const LIMIT = 10_000;

/**
 * The SQL statements an app sent, for the tests that guard against N+1 and for the bench's SQL per
 * page: pass `record` as `createDb`'s (or `startApp`'s) `onStatement`. Production passes none, so it
 * logs nothing.
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
