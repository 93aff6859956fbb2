import type { Logger } from 'typeorm';

/**
 * A TypeORM logger that counts the statements it is told about (every statement, and SELECTs
 * apart), for the N+1 guards in the tests and the benchmark's statements-per-request figure.
 * SqlReader reports its statements to the same logger, so nothing runs uncounted.
 */
export class StatementCounter implements Logger {
  statements = 0;
  selects = 0;

  logQuery(query: string) {
    this.statements += 1;
    if (/^\s*SELECT/i.test(query)) this.selects += 1;
  }

  reset() {
    this.statements = 0;
    this.selects = 0;
  }

  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
}
