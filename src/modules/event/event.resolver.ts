import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context';
import { Party } from '../party/party.union';
import { EventParticipant } from './event-participant.entity';
import { Event } from './event.entity';

@Resolver(() => Event)
export class EventResolver {
  @FieldResolver(() => [Party])
  async participants(@Root() event: Event, @Ctx() { services, loaders }: RequestContext) {
    const links = await loaders.manyBy(EventParticipant, 'eventId').load(event.id);
    return services.parties.many(loaders, links.map((link) => link.partyId));
  }
}
