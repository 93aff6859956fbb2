import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Cited } from '../../common/citation/cited.interface';
import { ConnectionArgs } from '../../common/pagination/connection.args';
import { ConnectionType } from '../../common/pagination/connection.type';
import { MissingRecordError } from '../../common/errors';
import type { RequestContext } from '../../context';
import { Citation } from './citation.entity';
import { Source } from './source.entity';
import type { CitedSubject } from './source.service';

export const SourceConnection = ConnectionType(Source, 'Source');

@Resolver(() => Source)
export class SourceResolver {
  @Query(() => SourceConnection, { description: 'The documents every fact is taken from.' })
  sources(@Args() args: ConnectionArgs, @Ctx() { services }: RequestContext) {
    return services.catalog.connection(Source, args);
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
