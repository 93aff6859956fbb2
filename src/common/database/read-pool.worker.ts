/**
 * A read worker of ReadPool (read-pool.ts): a child process that opens the SQLite file read-only
 * and runs `{ id, sql, parameters }` → `{ id, rows }` (or `{ id, error }`), one job at a time.
 * It imports nothing of the project, so the compiled file runs on its own under plain `node`.
 */
import Database from 'better-sqlite3';

interface Job {
  id: number;
  sql: string;
  parameters: unknown[];
}

const file = process.argv[2];
let database: Database.Database | null = null;
/** One prepared statement per SQL text the code writes (a fixed set). */
const statements = new Map<string, Database.Statement>();

function run({ sql, parameters }: Job): unknown[] {
  // Opened on the first job, so that failing to open is that job's error (SQLITE_CANTOPEN …).
  // WAL mode (set by the server's connections) lets this reader run beside the writer.
  database ??= new Database(file, { readonly: true, fileMustExist: true, timeout: 5000 });
  let statement = statements.get(sql);
  if (!statement) {
    statement = database.prepare(sql);
    statements.set(sql, statement);
  }
  return statement.all(...parameters);
}

process.on('message', (job: Job) => {
  try {
    process.send!({ id: job.id, rows: run(job) });
  } catch (error) {
    const { message, code } = error as { message: string; code?: string };
    process.send!({ id: job.id, error: { message, code } });
  }
});

// The server went away (or closed the pool): nothing is left to answer.
process.on('disconnect', () => process.exit(0));
