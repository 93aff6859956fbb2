import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context';
import { Party } from '../party/party.union';
import { Statement } from './statement.entity';

@Resolver(() => Statement)
export class StatementResolver {
  @FieldResolver(() => Party)
  speaker(@Root() statement: Statement, @Ctx() { services, loaders }: RequestContext) {
    return services.parties.required(loaders, statement.speakerId);
  }
}
