import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context';
import { Characterization } from './characterization.entity';
import { Party } from './party.union';

@Resolver(() => Characterization)
export class CharacterizationResolver {
  @FieldResolver(() => Party)
  party(@Root() characterization: Characterization, @Ctx() { services, loaders }: RequestContext) {
    return services.parties.required(loaders, characterization.partyId);
  }
}
