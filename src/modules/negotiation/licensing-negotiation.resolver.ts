import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { runMutation } from '../mutation/mutation-runner';
import { recordNegotiation as recordNegotiationWrite } from './negotiation.writes';
import type { RequestContext } from '../../context';
import { Party } from '../party/party.union';
import { LicensingNegotiation } from './licensing-negotiation.entity';
import { NegotiationParty } from './negotiation-party.entity';
import { Role } from '../../common/role.enum';
import { RecordNegotiationInput } from './negotiation.input';

@Resolver(() => LicensingNegotiation)
export class LicensingNegotiationResolver {
  @Authorized(Role.EDITOR)
  @Mutation(() => LicensingNegotiation, { description: 'Records licensing talks, with the sources that report them (editors).' })
  recordNegotiation(@Arg('input', () => RecordNegotiationInput) input: RecordNegotiationInput, @Ctx() ctx: RequestContext) {
    return runMutation(ctx, recordNegotiationWrite, input);
  }

  @FieldResolver(() => [Party])
  async parties(@Root() negotiation: LicensingNegotiation, @Ctx() { services, loaders }: RequestContext) {
    return (await services.parties.linked(loaders, NegotiationParty, 'negotiationId', negotiation.id)).map(({ party }) => party);
  }
}
