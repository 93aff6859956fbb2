import { existingTables, type SqlRunner } from '../sql';
import { rowCountMismatches } from './row-counts';
import { LATEST_AUDIT_SQL, type AuditSummary } from './sqlite-backup';

/** What a restored database holds, as `npm run restore` prints and checks it. */
export interface DatabaseReport {
  /** Exact rows per table (COUNT(*)), by table name. */
  rows: { table: string; rows: number }[];
  /** row_count entries that disagree with their tables (none in a sound database). */
  mismatches: { name: string; stored: number; counted: number }[];
  latestAudit: AuditSummary | null;
}

/** Counts every table of the current schema, checks the stored row counts and reads the newest audit entry. */
export async function databaseReport(runner: SqlRunner): Promise<DatabaseReport> {
  const tables = [...(await existingTables(runner))].filter((t) => !t.startsWith('sqlite_')).sort();
  const rows: DatabaseReport['rows'] = [];
  for (const table of tables) {
    const [{ n }] = await runner.query(`SELECT COUNT(*) AS n FROM "${table}"`);
    rows.push({ table, rows: Number(n) });
  }
  const [latest] = tables.includes('audit_entry') ? await runner.query(LATEST_AUDIT_SQL) : [];
  return {
    rows,
    mismatches: await rowCountMismatches(runner),
    latestAudit: latest ? { id: Number(latest.id), at: latest.at, actor: latest.actor, action: latest.action, subject: latest.subject } : null,
  };
}
