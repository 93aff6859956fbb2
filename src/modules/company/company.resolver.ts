import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { ConnectionArgs } from '../../common/pagination/connection.args';
import { ConnectionType } from '../../common/pagination/connection.type';
import type { RequestContext } from '../../context';
import { PartyFieldsResolver } from '../party/party-fields.resolver';
import { Affiliation } from '../person/affiliation.entity';
import { Company } from './company.entity';

export const CompanyConnection = ConnectionType(Company, 'Company');

@Resolver(() => Company)
export class CompanyResolver extends PartyFieldsResolver(Company) {
  @Query(() => Company, { nullable: true, description: 'A company by slug; null when unknown.' })
  company(@Arg('slug') slug: string, @Ctx() { services }: RequestContext) {
    return services.catalog.bySlug(Company, slug);
  }

  @Query(() => CompanyConnection)
  companies(@Args() args: ConnectionArgs, @Ctx() { services }: RequestContext) {
    return services.catalog.connection(Company, args);
  }

  @FieldResolver(() => [Affiliation], { description: 'People and their roles at the company.' })
  people(@Root() company: Company, @Ctx() { loaders }: RequestContext) {
    return loaders.manyBy(Affiliation, 'organizationId').load(company.id);
  }
}
