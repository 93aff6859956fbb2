import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { SqlReader } from '../src/common/database/sql-reader';
import { openDatabase } from '../src/database';
import { extractDraft, storeDraft } from '../src/modules/draft/draft.service';
import { slugify } from '../src/modules/draft/items';
import { commandTarget, runWrite } from '../src/modules/mutation/mutation-runner';
import { DraftItem } from '../src/modules/draft/draft.entity';

const USAGE = 'usage: npm run draft -- FILE --title TITLE --publisher PUBLISHER --published YYYY-MM-DD [--url URL] [--slug SLUG]\n';

/**
 * `npm run draft -- FILE …`: stores a report's text as a source and drafts its facts for review,
 * as `draftSource` does (one transaction: the source and the draft, or nothing). Prints the
 * draft's ID, its names and its items; exits 1 when the report is refused.
 */
async function main() {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { title: { type: 'string' }, publisher: { type: 'string' }, published: { type: 'string' }, url: { type: 'string' }, slug: { type: 'string' } },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1 || !values.title || !values.publisher || !values.published) {
    process.stderr.write(USAGE);
    process.exit(2);
  }
  const text = readFileSync(positionals[0], 'utf8');
  const input = {
    slug: values.slug ?? `${values.published}-${slugify(values.title, 60)}`,
    title: values.title,
    publisher: values.publisher,
    publishedOn: values.published,
    url: values.url ?? null,
    text,
  };
  const dataSource = await openDatabase(process.env.DATABASE_URL);
  try {
    const { content, ms } = await extractDraft(new SqlReader(dataSource, 'master'), input);
    const draft = await runWrite(commandTarget(dataSource, { name: 'cli:draft', keyId: null, role: null }), storeDraft, { input, content, ms });
    const items = await dataSource.getRepository(DraftItem).findBy({ draftId: draft.id });
    process.stdout.write(
      `draft ${draft.globalId} of source ${input.slug} (${ms} ms): ${content.mentions.length} names, ${content.dates.length} dates, ${items.length} items\n`,
    );
    for (const mention of content.mentions) {
      process.stdout.write(
        `  name ${mention.key} ${JSON.stringify(mention.name)} → ${mention.link.party ? `${mention.slug} (${mention.link.party.rule} ${mention.link.party.score})` : `new ${mention.kind.toLowerCase()} ${mention.slug}`}\n`,
      );
    }
    for (const item of items) {
      const what =
        item.kind === 'UPDATE'
          ? `${item.typeName} ${item.targetSlug}: ${item.targetStatus} → ${String(item.entry.status)}`
          : `${item.typeName} ${String(item.entry.slug)}`;
      process.stdout.write(`  item ${item.key} ${item.kind} ${what} [${item.cue}]\n`);
    }
  } catch (error) {
    const problems = (error as { extensions?: { problems?: string[] } }).extensions?.problems;
    process.stdout.write(
      problems ? `refused, nothing written:\n${problems.map((p) => `  - ${p}`).join('\n')}\n` : `refused, nothing written: ${(error as Error).message}\n`,
    );
    process.exitCode = 1;
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error) => {
  process.stderr.write(`error: ${(error as Error).message}\n`);
  process.exit(1);
});
