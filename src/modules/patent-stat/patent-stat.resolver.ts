import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { runMutation } from '../mutation/mutation-runner';
import { Role } from '../../common/role.enum';
import type { RequestContext } from '../../context';
import { Party } from '../party/party.union';
import { PatentStat } from './patent-stat.entity';
import { RecordPatentStatInput } from './patent-stat.input';
import { recordPatentStat } from './patent-stat.writes';

@Resolver(() => PatentStat)
export class PatentStatResolver {
  @Authorized(Role.EDITOR)
  @Mutation(() => PatentStat, {
    description: 'Records how many patents a party holds, with the sources that state it (editors); the same holder, scope and date updates the count.',
  })
  recordPatentStat(@Arg('input', () => RecordPatentStatInput) input: RecordPatentStatInput, @Ctx() ctx: RequestContext) {
    return runMutation(ctx, recordPatentStat, input);
  }

  @FieldResolver(() => Party, { description: 'Who holds the patents.' })
  holder(@Root() stat: PatentStat, @Ctx() { services, loaders }: RequestContext) {
    return services.parties.required(loaders, stat.holderId);
  }
}
