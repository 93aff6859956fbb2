import { Field, ObjectType } from 'type-graphql';
import type { RequestContext } from '../../context';
import { Dispute } from '../dispute/dispute.entity';
import type { PartyEntity } from '../party/party.entity';
import { Party } from '../party/party.union';
import { ChangeEvent } from './change-event.entity';

@ObjectType({ simpleResolvers: true, description: 'A change that touches a dispute, and the dispute as it is after it.' })
export class DisputeChange {
  @Field(() => ChangeEvent)
  change: ChangeEvent;

  @Field(() => Dispute, { nullable: true, description: 'The dispute now (null once removed).' })
  dispute: Promise<Dispute | null>;
}

@ObjectType({ simpleResolvers: true, description: 'A change that touches a party, and the party as it is after it.' })
export class PartyChange {
  @Field(() => ChangeEvent)
  change: ChangeEvent;

  @Field(() => Party, { nullable: true, description: 'The party now (null once removed).' })
  party: Promise<PartyEntity | null>;
}

/** The filters of a subscription, checked when it starts: an unknown slug is the client's mistake (BAD_USER_INPUT). */
export async function changeStream(context: RequestContext, { party, dispute }: { party?: string | null; dispute?: string | null }) {
  const { services } = context;
  if (party != null) await services.changes.idOf(services.primaryReader, 'party', party);
  if (dispute != null) await services.changes.idOf(services.primaryReader, 'dispute', dispute);
  return services.changeHub.listen((change) => (party == null || change.parties.includes(party)) && (dispute == null || change.disputes.includes(dispute)));
}
