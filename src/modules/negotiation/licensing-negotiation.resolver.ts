import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context';
import { Party } from '../party/party.union';
import { LicensingNegotiation } from './licensing-negotiation.entity';
import { NegotiationParty } from './negotiation-party.entity';

@Resolver(() => LicensingNegotiation)
export class LicensingNegotiationResolver {
  @FieldResolver(() => [Party])
  async parties(@Root() negotiation: LicensingNegotiation, @Ctx() { services, loaders }: RequestContext) {
    const links = await loaders.manyBy(NegotiationParty, 'negotiationId').load(negotiation.id);
    return services.parties.many(loaders, links.map((link) => link.partyId));
  }
}
