import type { Logger } from 'typeorm';

/**
 * A TypeORM logger that counts the statements it is told about (every statement, and SELECTs
 * apart), for the N+1 guards in the tests and the benchmark's statements-per-request figure.
 * SqlReader reports its statements to the same logger, so nothing runs uncounted. Made with
 * `{ record: true }` it also keeps each statement and its parameters, for tests that read plans.
 */
export class StatementCounter implements Logger {
  statements = 0;
  selects = 0;
  readonly recorded: { sql: string; parameters: unknown[] }[] = [];

  constructor(private readonly options: { record?: boolean } = {}) {}

  logQuery(query: string, parameters?: unknown[]) {
    this.statements += 1;
    if (/^\s*SELECT/i.test(query)) this.selects += 1;
    if (this.options.record) this.recorded.push({ sql: query, parameters: parameters ?? [] });
  }

  reset() {
    this.statements = 0;
    this.selects = 0;
    this.recorded.length = 0;
  }

  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
}
