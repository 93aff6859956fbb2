import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { runMutation } from '../mutation/mutation-runner';
import { recordRegulatoryAction as recordRegulatoryActionWrite } from './regulatory-action.writes';
import type { RequestContext } from '../../context';
import { Authority } from '../authority/authority.entity';
import { Lawsuit } from '../lawsuit/lawsuit.entity';
import { Party } from '../party/party.union';
import { RegulatoryAction } from './regulatory-action.entity';
import { Role } from '../../common/role.enum';
import { RecordRegulatoryActionInput } from './regulatory-action.input';

@Resolver(() => RegulatoryAction)
export class RegulatoryActionResolver {
  @Authorized(Role.EDITOR)
  @Mutation(() => RegulatoryAction, { description: 'Records a regulatory action, with the sources that report it (editors).' })
  recordRegulatoryAction(@Arg('input', () => RecordRegulatoryActionInput) input: RecordRegulatoryActionInput, @Ctx() ctx: RequestContext) {
    return runMutation(ctx, recordRegulatoryActionWrite, input);
  }

  @FieldResolver(() => Authority)
  authority(@Root() action: RegulatoryAction, @Ctx() { services, loaders }: RequestContext) {
    return services.parties.required(loaders, action.authorityId);
  }

  @FieldResolver(() => Party, { nullable: true, description: 'Who the action is aimed at.' })
  subject(@Root() action: RegulatoryAction, @Ctx() { services, loaders }: RequestContext) {
    return action.subjectId == null ? null : services.parties.required(loaders, action.subjectId);
  }

  @FieldResolver(() => [Lawsuit], { description: 'Cases brought to overturn it.' })
  challengedBy(@Root() action: RegulatoryAction, @Ctx() { loaders }: RequestContext) {
    return loaders.manyBy(Lawsuit, 'challengesId').load(action.id);
  }
}
