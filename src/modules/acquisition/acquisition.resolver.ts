import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Role } from '../../common/role.enum';
import type { RequestContext } from '../../context';
import { runMutation } from '../mutation/mutation-runner';
import { Party } from '../party/party.union';
import { Acquisition } from './acquisition.entity';
import { RecordAcquisitionInput } from './acquisition.input';
import { recordAcquisition } from './acquisition.writes';

@Resolver(() => Acquisition)
export class AcquisitionResolver {
  @Authorized(Role.EDITOR)
  @Mutation(() => Acquisition, { description: 'Records an acquisition, with the sources that report it (editors).' })
  recordAcquisition(@Arg('input', () => RecordAcquisitionInput) input: RecordAcquisitionInput, @Ctx() ctx: RequestContext) {
    return runMutation(ctx, recordAcquisition, input);
  }

  @FieldResolver(() => Party)
  buyer(@Root() acquisition: Acquisition, @Ctx() { services, loaders }: RequestContext) {
    return services.parties.required(loaders, acquisition.buyerId);
  }

  @FieldResolver(() => Party)
  target(@Root() acquisition: Acquisition, @Ctx() { services, loaders }: RequestContext) {
    return services.parties.required(loaders, acquisition.targetId);
  }
}
