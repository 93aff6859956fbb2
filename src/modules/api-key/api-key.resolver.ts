import { Arg, Authorized, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { BadUserInputError, echo } from '../../common/errors';
import { decodeGlobalId, encodeGlobalId } from '../../common/node/global-id';
import type { RequestContext } from '../../context';
import { runMutation } from '../mutation/mutation-runner';
import { ApiKey } from './api-key.entity';
import { CreateApiKeyInput } from './api-key.input';
import { Role } from '../../common/role.enum';

@ObjectType({ description: 'A new API key: `key` is shown this once and never stored.' })
class CreatedApiKey {
  @Field({ description: 'Send as `Authorization: Bearer KEY`. Store it now: it cannot be shown again.' })
  key: string;

  @Field(() => ApiKey)
  apiKey: ApiKey;
}

@Resolver(() => ApiKey)
export class ApiKeyResolver {
  @Authorized(Role.ADMIN)
  @Query(() => [ApiKey], { description: 'Every API key, revoked ones included (admins).' })
  apiKeys(@Ctx() { services, loaders }: RequestContext) {
    return services.apiKeys.list(loaders.reader);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => CreatedApiKey, { description: 'Creates an API key (admins).' })
  createApiKey(@Arg('input') input: CreateApiKeyInput, @Ctx() ctx: RequestContext) {
    return runMutation(
      ctx,
      {
        action: 'createApiKey',
        rules: null,
        write: async (_input: CreateApiKeyInput, writer) => {
          const created = await ctx.services.apiKeys.create(writer.manager, input.name, input.role, input.costBudget ?? null);
          writer.changes.push({
            op: 'INSERT',
            table: 'api_key',
            rowId: created.apiKey.id,
            values: { name: input.name, role: input.role, prefix: created.apiKey.prefix, costBudget: created.apiKey.costBudget },
          });
          return created;
        },
        audit: (created) => ({ subject: created.apiKey.globalId }),
      },
      input,
    );
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ApiKey, { description: 'Revokes an API key: requests with it are refused from now on (admins).' })
  revokeApiKey(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    const decoded = decodeGlobalId(id);
    if (decoded.type !== 'ApiKey') throw new BadUserInputError(`${echo(id)} is not the ID of an API key`, { argument: 'id' });
    return runMutation(
      ctx,
      {
        action: 'revokeApiKey',
        rules: null,
        write: async (_id: string, writer) => {
          const apiKey = await ctx.services.apiKeys.revoke(writer.manager, decoded.id);
          if (!apiKey) throw new BadUserInputError(`unknown API key ${echo(id)}`, { argument: 'id' });
          writer.changes.push({ op: 'UPDATE', table: 'api_key', rowId: apiKey.id, values: { revokedAt: { from: null, to: apiKey.revokedAt } } });
          return apiKey;
        },
        audit: (apiKey) => ({ subject: encodeGlobalId('ApiKey', apiKey.id) }),
      },
      id,
    );
  }
}
