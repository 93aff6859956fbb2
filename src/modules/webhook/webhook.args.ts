import { ArgsType, Field, ID } from 'type-graphql';
import { ConnectionArgs } from '../../common/pagination/connection.args';
import { WebhookDeliveryStatus } from './webhook.entity';

@ArgsType()
export class WebhookDeliveriesArgs extends ConnectionArgs {
  @Field(() => ID, { description: 'The webhook whose deliveries to list.' })
  webhook: string;

  @Field(() => WebhookDeliveryStatus, { nullable: true, description: 'Only deliveries with this status.' })
  status?: WebhookDeliveryStatus | null;
}
