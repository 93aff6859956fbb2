import 'reflect-metadata';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/database';
import { decodeChangeCursor, encodeChangeCursor } from '../src/modules/change/change-cursor';
import {
  EXPORT_FORMATS,
  exportCsv,
  exportFtm,
  exportJsonl,
  ftmChangedSince,
  newestChange,
  onSnapshot,
  rowsChangedSince,
  type ExportFormat,
} from '../src/modules/export/export.service';

const USAGE = `usage: npm run export -- --format ftm|jsonl|csv [--since CURSOR] [--out FILE|DIR]
  --since CURSOR  only what changes after the cursor touched (a change feed cursor; each export prints the next one)
  ftm    FollowTheMoney entities, one JSON object per line (stdout, or --out FILE)
  jsonl  the store's own rows, one JSON object per line with its "type" (stdout, or --out FILE)
  csv    one CSV file per type into --out DIR (required)`;

class UsageError extends Error {
  constructor(problem: string) {
    super(`${problem}\n${USAGE}`);
  }
}

/** `npm run export`: the store as FollowTheMoney entities, JSON lines or CSV files, read on one snapshot a page at a time. */
async function main(argv: string[]) {
  const { values } = parseArgs({ args: argv, options: { format: { type: 'string' }, since: { type: 'string' }, out: { type: 'string' } } });
  const format = values.format as ExportFormat | undefined;
  if (!format || !EXPORT_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}`);
  if (format === 'csv' && !values.out) throw new UsageError('csv writes one file per type: give a directory with --out');
  let since: number | null = null;
  if (values.since !== undefined) {
    try {
      since = decodeChangeCursor(values.since);
    } catch {
      throw new UsageError(`--since takes a change cursor (a \`cursor\` of the change feed, or the one a previous export printed), not "${values.since}"`);
    }
  }
  const dataSource = await openDatabase(process.env.DATABASE_URL);
  try {
    const started = process.hrtime.bigint();
    const { counts, newest } = await onSnapshot(dataSource, async (reader) => {
      const newest = await newestChange(reader);
      if (format === 'csv') return { newest, counts: await exportCsv(dataSource, reader, values.out!, since === null ? undefined : rowsChangedSince(since)) };
      const out: Writable = values.out ? createWriteStream(values.out) : process.stdout;
      const written =
        format === 'ftm'
          ? await exportFtm(reader, out, since === null ? undefined : ftmChangedSince(since))
          : await exportJsonl(dataSource, reader, out, since === null ? undefined : rowsChangedSince(since));
      if (values.out) {
        out.end();
        await once(out, 'close');
      }
      return { newest, counts: written };
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const types = Object.entries(counts.byType)
      .map(([type, n]) => `${type} ${n}`)
      .join(', ');
    process.stderr.write(
      `exported ${counts.total} ${format === 'ftm' ? 'entities' : 'rows'}${since === null ? '' : ' changed since the cursor'} in ${seconds.toFixed(1)} s (${types || 'nothing changed'})\n` +
        `cursor: ${encodeChangeCursor(newest)} (the next --since)\n`,
    );
  } finally {
    await dataSource.destroy();
  }
}

// A reader that stops early (`| head`) is not an error of the export.
process.stdout.on('error', (error: NodeJS.ErrnoException) => process.exit(error.code === 'EPIPE' ? 0 : 1));

main(process.argv.slice(2)).catch((error) => {
  process.stderr.write(`error: ${(error as Error).message}\n`);
  process.exit(error instanceof UsageError ? 2 : 1);
});
