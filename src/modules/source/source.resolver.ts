import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { runMutation } from '../mutation/mutation-runner';
import { addSource as addSourceWrite } from './source.writes';
import { importSource } from '../source-import/source-import.service';
import { Cited } from '../../common/citation/cited.interface';
import { ConnectionArgs } from '../../common/pagination/connection.args';
import { ConnectionType } from '../../common/pagination/connection.type';
import { MissingRecordError } from '../../common/errors';
import type { RequestContext } from '../../context';
import { Citation } from '../../common/citation/citation.entity';
import { Source } from '../../common/citation/source.entity';
import type { CitedSubject } from './source.service';
import { Role } from '../../common/role.enum';
import { GraphQLJSONObject } from 'graphql-scalars';
import { ImportReport } from '../source-import/import-report.type';
import { AddSourceInput } from './source.input';

export const SourceConnection = ConnectionType(Source, 'Source');

@Resolver(() => Source)
export class SourceResolver {
  @Authorized(Role.EDITOR)
  @Mutation(() => Source, { description: 'Adds a source document (its full text) that facts can then cite (editors).' })
  addSource(@Arg('input') input: AddSourceInput, @Ctx() ctx: RequestContext) {
    return runMutation(ctx, addSourceWrite, input);
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => ImportReport, {
    description:
      'Loads a whole source document, in the format of the files in seeds/, in one transaction: every problem is listed and nothing is written, or all of it is (editors).',
  })
  importSource(@Arg('input', () => GraphQLJSONObject, { validate: false }) input: Record<string, unknown>, @Ctx() ctx: RequestContext) {
    return importSource(ctx, input);
  }

  @Query(() => SourceConnection, { description: 'The documents every fact is taken from.' })
  sources(@Args() args: ConnectionArgs, @Ctx() { services, loaders }: RequestContext) {
    return services.catalog.connection(loaders, Source, args);
  }
}

@Resolver(() => Citation)
export class CitationResolver {
  @FieldResolver(() => Source)
  async source(@Root() citation: Citation, @Ctx() { loaders }: RequestContext) {
    const source = await loaders.byId(Source).load(citation.sourceId);
    if (!source) throw new MissingRecordError('Source', citation.sourceId);
    return source;
  }
}

/** `citations` of every Cited type, resolved once here for all of them. */
@Resolver(() => Cited)
export class CitedResolver {
  @FieldResolver(() => [Citation])
  citations(@Root() subject: CitedSubject, @Ctx() { services, loaders }: RequestContext) {
    return services.sources.citationsOf(loaders, subject);
  }
}
