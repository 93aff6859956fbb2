import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { runMutation } from '../mutation/mutation-runner';
import { recordStatement as recordStatementWrite } from './statement.writes';
import type { RequestContext } from '../../context';
import { Party } from '../party/party.union';
import { Statement } from './statement.entity';
import { Role } from '../../common/role.enum';
import { RecordStatementInput } from './statement.input';

@Resolver(() => Statement)
export class StatementResolver {
  @Authorized(Role.EDITOR)
  @Mutation(() => Statement, { description: 'Records what a party said, with the sources that report it (editors).' })
  recordStatement(@Arg('input', () => RecordStatementInput) input: RecordStatementInput, @Ctx() ctx: RequestContext) {
    return runMutation(ctx, recordStatementWrite, input);
  }

  @FieldResolver(() => Party)
  speaker(@Root() statement: Statement, @Ctx() { services, loaders }: RequestContext) {
    return services.parties.required(loaders, statement.speakerId);
  }
}
