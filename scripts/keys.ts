import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/database';
import { ApiKeyService } from '../src/modules/api-key/api-key.service';
import { parseRole } from '../src/common/role.enum';
import { KEY_BUDGET } from '../src/modules/api-key/api-key.input';
import { outOfRange } from '../src/common/bounds';
import { appendAudit } from '../src/modules/audit/audit.service';

const USAGE = `usage:
  npm run keys -- create --role viewer|editor|admin --name NAME [--budget N]
                                                                  prints a new key, once; N: its own query
                                                                  cost budget per minute (else CLIENT_COST_BUDGET)
  npm run keys -- list                                            every key: id, prefix, role, name, created, revoked, budget
  npm run keys -- revoke ID|PREFIX                                refuses the key from now on`;

const CLI_ACTOR = { name: 'cli:keys', keyId: null, role: null };

/** `npm run keys`: API keys, managed on the server (the database keeps only their sha256). */
async function main(argv: string[]) {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { role: { type: 'string' }, name: { type: 'string' }, budget: { type: 'string' } },
  });
  const [command, target] = positionals;
  if (!command || !['create', 'list', 'revoke'].includes(command)) throw new UsageError();
  const dataSource = await openDatabase(process.env.DATABASE_URL);
  const keys = new ApiKeyService(dataSource);
  try {
    if (command === 'create') {
      if (!values.role || !values.name?.trim()) throw new UsageError('create needs --role and --name');
      const role = parseRole(values.role);
      const name = values.name.trim();
      const budget = values.budget === undefined ? null : Number(values.budget);
      if (budget !== null && outOfRange(KEY_BUDGET, budget))
        throw new UsageError(`--budget must be a whole number from ${KEY_BUDGET.min} to ${KEY_BUDGET.max}`);
      const { key, apiKey } = await dataSource.transaction(async (manager) => {
        const created = await keys.create(manager, name, role, budget);
        await appendAudit(manager, CLI_ACTOR, {
          action: 'createApiKey',
          subject: created.apiKey.globalId,
          changes: [{ op: 'INSERT', table: 'api_key', rowId: created.apiKey.id, values: { name, role, prefix: created.apiKey.prefix, costBudget: budget } }],
        });
        return created;
      });
      process.stderr.write(
        `created ${role} key #${apiKey.id} "${name}"${budget === null ? '' : ` with a budget of ${budget} per minute`}; it is shown only now, store it:\n`,
      );
      process.stdout.write(`${key}\n`);
    } else if (command === 'list') {
      for (const k of await keys.list()) {
        process.stdout.write(
          `${k.id}\t${k.prefix}…\t${k.role}\t${k.name}\tcreated ${k.createdAt}${k.revokedAt ? `\trevoked ${k.revokedAt}` : ''}${k.costBudget === null ? '' : `\tbudget ${k.costBudget}/min`}\n`,
        );
      }
    } else {
      if (!target) throw new UsageError('revoke needs the id or prefix of a key (see `keys list`)');
      const revoked = await dataSource.transaction(async (manager) => {
        const apiKey = await keys.revoke(manager, /^\d+$/.test(target) ? Number(target) : target);
        if (apiKey) {
          await appendAudit(manager, CLI_ACTOR, {
            action: 'revokeApiKey',
            subject: apiKey.globalId,
            changes: [{ op: 'UPDATE', table: 'api_key', rowId: apiKey.id, values: { revokedAt: { from: null, to: apiKey.revokedAt } } }],
          });
        }
        return apiKey;
      });
      if (!revoked) throw new Error(`no key with id or prefix "${target}"`);
      process.stdout.write(`revoked key #${revoked.id} "${revoked.name}" (${revoked.prefix}…)\n`);
    }
  } finally {
    await dataSource.destroy();
  }
}

class UsageError extends Error {
  constructor(problem?: string) {
    super(problem ? `${problem}\n${USAGE}` : USAGE);
  }
}

main(process.argv.slice(2)).catch((error) => {
  process.stderr.write(`error: ${(error as Error).message}\n`);
  process.exit(error instanceof UsageError ? 2 : 1);
});
