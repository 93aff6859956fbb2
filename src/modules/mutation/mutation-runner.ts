import type { DataSource, EntityManager } from 'typeorm';
import type { RequestContext } from '../../context';
import { actorOf, appendAudit, type Actor } from '../audit/audit-log';
import { RequestTimeoutError } from '../../common/errors';
import { takeWriteLock } from '../../common/sql';
import { check, object } from '../../common/validation/rules';
import type { WriteDeclaration } from '../../common/writes/declarations';
import { FactWriter } from '../../common/writes/fact-writer';
import { invalidArguments, WriteChecks } from '../../common/writes/write-checks';
import { checkSaysWho, writeInputSaysWho, type CitedInputFields } from '../attribution/says-who-input';
import { saysWhoInputRules } from '../attribution/attribution.writes';
import { recordChanges } from '../change/change-recorder';

/** Where a write runs and on whose behalf. */
export interface WriteTarget {
  /** Who is writing; null: no audit entry (a bare import, as tests and tools call it). */
  actor: Actor | null;
  /** Runs the work in a write transaction holding the write lock: its own, or the operation's. */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T>;
  /** The request's deadline: a write that ran out of time must not commit behind its client's back. */
  signal?: AbortSignal;
  timeoutMs?: number;
}

/**
 * The one mutation runner: every write — each GraphQL mutation, `importSource`, `npm run import`,
 * the seeds — goes through here. In order: the input's rules (every problem, with its field
 * path, before the database is touched); then, in the write transaction, the declaration's
 * checks and the citations (each quote must occur verbatim in its stored source), all problems
 * reported together as one BAD_USER_INPUT error and nothing written; then the write, the
 * citations, the change events (change-recorder.ts), the deadline check and the audit entry, all
 * in the same transaction.
 */
export async function runWrite<I, R, C>(target: WriteTarget, declaration: WriteDeclaration<I, R, C>, input: I): Promise<R> {
  if (declaration.rules) {
    // A cited input also says who says so (attribution, hedges, provenance): the same rules for every fact.
    const rules = declaration.cited ? { ...declaration.rules, ...saysWhoInputRules } : declaration.rules;
    const problems = check(object(rules), input);
    if (problems.length) throw invalidArguments(problems);
  }
  return target.transaction(async (manager) => {
    const writer = new FactWriter(manager);
    if (target.actor) writer.recordedBy = target.actor.name;
    const checks = new WriteChecks(manager, writer);
    const checked = declaration.check ? await declaration.check(input, checks) : (undefined as C);
    const cited = input as unknown as CitedInputFields;
    const citations = declaration.cited ? await checks.citations(cited.citations) : [];
    const saysWho = declaration.cited ? await checkSaysWho(cited, citations, checks) : null;
    checks.throwIfAny();
    const result = await declaration.write(input, writer, checked);
    if (declaration.cited) {
      const row = declaration.cited(result);
      for (const { source, quote } of citations) await writer.cite(row, source, [quote]);
      await writeInputSaysWho(writer, row, input, saysWho, citations);
    }
    if (declaration.afterWrite) await declaration.afterWrite(writer, result);
    // The change feed's events, from the rows the write recorded: every write path is covered here.
    await recordChanges(writer, { actor: target.actor?.name ?? writer.recordedBy, action: declaration.action });
    if (target.signal?.aborted) throw new RequestTimeoutError(target.timeoutMs ?? 0);
    const audit = declaration.audit ? declaration.audit(result, writer) : { subject: (result as { globalId: string }).globalId };
    if (audit && target.actor) await appendAudit(manager, target.actor, { action: declaration.action, subject: audit.subject, changes: writer.changes });
    return result;
  });
}

/** A GraphQL mutation field: in the operation's transaction (see mutation-session.ts), as the caller's key. */
export function runMutation<I, R, C>(ctx: RequestContext, declaration: WriteDeclaration<I, R, C>, input: I): Promise<R> {
  return runWrite(mutationTarget(ctx), declaration, input);
}

export function mutationTarget(ctx: RequestContext): WriteTarget {
  const session = ctx.mutation;
  return {
    actor: actorOf(ctx.viewer!), // @Authorized has checked it
    signal: ctx.signal,
    timeoutMs: ctx.timeoutMs,
    // Without the plugin (a context built by hand), each field is a transaction of its own.
    transaction: (work) => (session ? session.run(work) : ctx.services.database.write(work)),
  };
}

/** A command on the server (`npm run import`, the seeds): its own transaction on `dataSource`. */
export function commandTarget(dataSource: DataSource, actor: Actor | null): WriteTarget {
  return {
    actor,
    transaction: (work) =>
      dataSource.transaction(async (manager) => {
        await takeWriteLock(manager);
        return work(manager);
      }),
  };
}
