import { Arg, Args, Authorized, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { BadUserInputError, echo } from '../../common/errors';
import { decodeGlobalId } from '../../common/node/global-id';
import { ConnectionType } from '../../common/pagination/connection.type';
import { Role } from '../../common/role.enum';
import type { RequestContext } from '../../context';
import { runMutation } from '../mutation/mutation-runner';
import { WebhookDeliveriesArgs } from './webhook.args';
import { Webhook, WebhookDelivery } from './webhook.entity';
import { WebhookFilterInput } from './webhook.input';

@ObjectType({ description: 'A new webhook: `secret` signs its deliveries and is shown this once.' })
class CreatedWebhook {
  @Field({ description: 'The HMAC-SHA256 key of the `Webhook-Signature` header. Store it now: it cannot be shown again.' })
  secret: string;

  @Field(() => Webhook)
  webhook: Webhook;
}

const WebhookDeliveryConnection = ConnectionType(WebhookDelivery, 'WebhookDelivery');

function webhookId(id: string, argument: string): number {
  const decoded = decodeGlobalId(id);
  if (decoded.type !== 'Webhook') throw new BadUserInputError(`${echo(id)} is not the ID of a webhook`, { argument });
  return decoded.id;
}

@Resolver(() => Webhook)
export class WebhookResolver {
  @Authorized(Role.ADMIN)
  @Query(() => [Webhook], { description: 'Every webhook, disabled ones included (admins).' })
  webhooks(@Ctx() { services, loaders }: RequestContext) {
    return services.webhooks.list(loaders.reader);
  }

  @Authorized(Role.ADMIN)
  @Query(() => WebhookDeliveryConnection, { description: "A webhook's delivery log, newest first (admins)." })
  async webhookDeliveries(@Args() args: WebhookDeliveriesArgs, @Ctx() { services, loaders }: RequestContext) {
    const id = webhookId(args.webhook, 'webhook');
    if (!(await services.webhooks.byId(loaders.reader, id))) throw new BadUserInputError(`no webhook ${echo(args.webhook)}`, { argument: 'webhook' });
    return services.webhooks.deliveries(loaders.reader, id, args.status, args);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => CreatedWebhook, {
    description: 'Creates a webhook (admins): the changes made from now on that `filter` lets through are POSTed to `url`, signed with the returned secret.',
  })
  createWebhook(
    @Arg('url', { description: 'An https URL (http only where WEBHOOK_ALLOW_HTTP allows it) of a public address.' }) url: string,
    @Arg('filter', () => WebhookFilterInput, { nullable: true }) filter: WebhookFilterInput | null,
    @Ctx() ctx: RequestContext,
  ) {
    const checked = ctx.services.webhooks.check(url, filter);
    return runMutation(
      ctx,
      {
        action: 'createWebhook',
        rules: null,
        write: async (_input: unknown, writer) => {
          const created = await ctx.services.webhooks.create(writer.manager, url, checked, ctx.viewer!.name);
          writer.changes.push({ op: 'INSERT', table: 'webhook', rowId: created.webhook.id, values: { url, filter: checked } });
          return created;
        },
        audit: (created) => ({ subject: created.webhook.globalId }),
      },
      { url, filter: checked },
    );
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Webhook, { description: 'Deletes a webhook and its delivery log (admins); nothing more is sent to it.' })
  deleteWebhook(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    const numeric = webhookId(id, 'id');
    return runMutation(
      ctx,
      {
        action: 'deleteWebhook',
        rules: null,
        write: async (_input: unknown, writer) => {
          const deleted = await ctx.services.webhooks.delete(writer.manager, numeric);
          if (!deleted) throw new BadUserInputError(`no webhook ${echo(id)}`, { argument: 'id' });
          writer.changes.push({ op: 'DELETE', table: 'webhook', rowId: numeric, values: { url: deleted.url } });
          return deleted;
        },
        audit: (deleted) => ({ subject: deleted.globalId }),
      },
      { id },
    );
  }
}
