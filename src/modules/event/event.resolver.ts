import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { runMutation } from '../mutation/mutation-runner';
import { recordEvent as recordEventWrite } from './event.writes';
import type { RequestContext } from '../../context';
import { Party } from '../party/party.union';
import { EventParticipant } from './event-participant.entity';
import { Event } from './event.entity';
import { Role } from '../../common/role.enum';
import { RecordEventInput } from './event.input';

@Resolver(() => Event)
export class EventResolver {
  @Authorized(Role.EDITOR)
  @Mutation(() => Event, { description: 'Records an event, with the sources that report it (editors).' })
  recordEvent(@Arg('input', () => RecordEventInput) input: RecordEventInput, @Ctx() ctx: RequestContext) {
    return runMutation(ctx, recordEventWrite, input);
  }

  @FieldResolver(() => [Party])
  async participants(@Root() event: Event, @Ctx() { services, loaders }: RequestContext) {
    return (await services.parties.linked(loaders, EventParticipant, 'eventId', event.id)).map(({ party }) => party);
  }
}
