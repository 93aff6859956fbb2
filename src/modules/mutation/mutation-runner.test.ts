import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import { Database, openDatabase } from '../../database';
import { createCompany } from '../party/party.writes';
import { addSource } from '../source/source.writes';
import { recordStatement } from '../statement/statement.writes';
import { RequestTimeoutError } from '../../common/errors';
import { commandTarget, runWrite, type WriteTarget } from './mutation-runner';
import { MutationSession } from '../../common/writes/mutation-session';

const TEXT = 'Nokia said on Sunday it had signed a patent deal with Huawei.';
const QUOTE = 'signed a patent deal with Huawei';
const actor = { name: 'unit', keyId: null, role: null };
const cite = [{ source: 'wire', quote: QUOTE }];

describe('the mutation runner (in-memory SQLite)', () => {
  let dataSource: DataSource;
  let database: Database;
  beforeAll(async () => {
    dataSource = await openDatabase('sqlite::memory:', { migrate: true });
    database = await Database.attach(dataSource, undefined, { readWorkers: 0 });
    const target = commandTarget(dataSource, actor);
    await runWrite(target, addSource, { slug: 'wire', title: 'Wire', publisher: 'Wire', publishedOn: '2020-03-01', url: null, text: TEXT });
    await runWrite(target, createCompany, { slug: 'huawei', name: 'Huawei', citations: cite });
  });
  afterAll(async () => {
    await database.close();
    await dataSource.destroy();
  });

  const count = async (table: string) => Number((await dataSource.query(`SELECT COUNT(*) AS n FROM "${table}"`))[0].n);
  const statement = (slug: string, extra: Record<string, unknown> = {}) => ({ slug, speaker: 'huawei', text: 'A deal.', citations: cite, ...extra });

  it('checks the rules before opening a transaction, listing every field', async () => {
    const target: WriteTarget = { actor, transaction: jest.fn() };
    await expect(
      runWrite(target, recordStatement, statement('Bad Slug', { text: '', citations: [{ source: 'wire', quote: 'a' }] }) as never),
    ).rejects.toMatchObject({
      extensions: {
        code: 'BAD_USER_INPUT',
        invalidArguments: [
          { field: 'slug', problems: ['"Bad Slug" is not a slug (lowercase letters, digits and single hyphens)'] },
          { field: 'text', problems: ['must not be empty'] },
          { field: 'citations[0].quote', problems: ['must quote at least 3 words and 12 characters of the source (got "a")'] },
        ],
      },
    });
    expect(target.transaction).not.toHaveBeenCalled();
  });

  it('reports unknown slugs and quotes not in the stored source together, and writes nothing', async () => {
    const audit = await count('audit_entry');
    await expect(
      runWrite(
        commandTarget(dataSource, actor),
        recordStatement,
        statement('s-1', {
          speaker: 'nokia',
          citations: [
            { source: 'wire', quote: 'Nokia sued Ericsson in 2031' },
            { source: 'times', quote: QUOTE },
          ],
        }) as never,
      ),
    ).rejects.toMatchObject({
      extensions: {
        invalidArguments: [
          { field: 'speaker', problems: ['unknown party "nokia"'] },
          { field: 'citations[0].quote', problems: ['"Nokia sued Ericsson in 2031" does not occur verbatim in the text of source "wire"'] },
          { field: 'citations[1].source', problems: ['unknown source "times": add it with addSource or importSource first'] },
        ],
      },
    });
    expect([await count('statement'), await count('audit_entry')]).toEqual([0, audit]);
  });

  it('writes, cites and audits in one transaction', async () => {
    const row = await runWrite(commandTarget(dataSource, actor), recordStatement, statement('s-2') as never);
    expect(row).toMatchObject({ slug: 's-2', text: 'A deal.' });
    const [entry] = await dataSource.query(`SELECT actor, action, subject, changes FROM audit_entry ORDER BY id DESC LIMIT 1`);
    expect(entry).toMatchObject({ actor: 'unit', action: 'recordStatement', subject: row.globalId });
    expect(JSON.parse(entry.changes).map((c: { op: string; table: string }) => `${c.op} ${c.table}`)).toEqual(['INSERT statement', 'INSERT citation']);
  });

  it('commits nothing once the deadline has passed', async () => {
    const controller = new AbortController();
    const target: WriteTarget = { ...commandTarget(dataSource, actor), signal: controller.signal, timeoutMs: 5 };
    controller.abort();
    await expect(runWrite(target, recordStatement, statement('s-late') as never)).rejects.toBeInstanceOf(RequestTimeoutError);
    expect(await dataSource.query(`SELECT slug FROM statement WHERE slug = 's-late'`)).toEqual([]);
  });

  describe('one transaction per mutation operation', () => {
    const sessionTarget = (session: MutationSession): WriteTarget => ({ actor, transaction: (work) => session.run(work) });

    it('holds the fields in one transaction and commits them together', async () => {
      const session = new MutationSession(database, new AbortController().signal, 1000);
      session.currentField = 'a';
      await runWrite(sessionTarget(session), recordStatement, statement('s-a') as never);
      session.currentField = 'b';
      await runWrite(sessionTarget(session), recordStatement, statement('s-b') as never);
      expect(session.applied).toEqual(['a', 'b']);
      expect(await session.finish(true)).toEqual({ committed: true });
      expect((await dataSource.query(`SELECT slug FROM statement WHERE slug IN ('s-a', 's-b') ORDER BY slug`)).map((r: { slug: string }) => r.slug)).toEqual([
        's-a',
        's-b',
      ]);
    });

    it('rolls every field back when the operation fails', async () => {
      const session = new MutationSession(database, new AbortController().signal, 1000);
      session.currentField = 'a';
      await runWrite(sessionTarget(session), recordStatement, statement('s-c') as never);
      session.currentField = 'b';
      await expect(runWrite(sessionTarget(session), recordStatement, statement('s-c') as never)).rejects.toMatchObject({
        extensions: { code: 'BAD_USER_INPUT' },
      });
      expect(session.applied).toEqual(['a']);
      expect(await session.finish(false)).toEqual({ committed: false });
      expect(await dataSource.query(`SELECT slug FROM statement WHERE slug = 's-c'`)).toEqual([]);
    });

    it('rolls back at the deadline, and refuses whatever the abandoned work sends afterwards', async () => {
      const controller = new AbortController();
      const session = new MutationSession(database, controller.signal, 5);
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const abandoned = session.run(async (manager) => {
        await manager.query(`INSERT INTO statement (slug, speaker_id, text) VALUES ('s-d', (SELECT id FROM party WHERE slug = 'huawei'), 'x')`);
        await gate;
        await manager.query(`INSERT INTO statement (slug, speaker_id, text) VALUES ('s-e', (SELECT id FROM party WHERE slug = 'huawei'), 'x')`);
      });
      await new Promise((resolve) => setTimeout(resolve, 10));
      controller.abort();
      // The write lock is free again at once: another write goes through before the abandoned work resumes.
      await database.write(async () => undefined);
      release();
      await expect(abandoned).rejects.toBeInstanceOf(RequestTimeoutError);
      expect(await session.finish(true)).toEqual({ committed: false });
      expect(await dataSource.query(`SELECT slug FROM statement WHERE slug IN ('s-d', 's-e')`)).toEqual([]);
    });
  });
});
